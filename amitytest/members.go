package amitytest

import (
	"time"
)

// Roles the fake gives moderation rights to.
const (
	roleCommunityModerator = "community-moderator"
	roleChannelModerator   = "channel-moderator"
)

// membership is a user's relation to a community or channel.
type membership struct {
	userID        string
	status        string // member, banned or none
	roles         []string
	muted         bool
	muteTimeout   time.Time
	readToSegment int
	createdAt     time.Time
	updatedAt     time.Time
	lastActivity  time.Time
	seq           int64
}

// memberSet holds the memberships of a community or channel, by user ID.
type memberSet map[string]*membership

// status is userID's membership status: member, banned or none ("" without a record).
func (ms memberSet) status(userID string) string {
	if m := ms[userID]; m != nil {
		return m.status
	}
	return ""
}

// isModerator reports whether userID is a member with the moderator role of its kind
// (role) or the generic "moderator" role.
func (ms memberSet) isModerator(userID, role string) bool {
	m := ms[userID]
	return m != nil && m.status == "member" && (containsString(m.roles, role) || containsString(m.roles, "moderator"))
}

// memberChangeIDs reads the users of a member change: from the userIds query when op is
// "none" (a removal), else from the JSON body; 1 to 100 distinct IDs.
func (c *request) memberChangeIDs(op string) ([]string, error) {
	var ids []string
	if op == "none" {
		ids = c.qList("userIds")
	} else {
		var req struct {
			UserIDs []string `json:"userIds"`
		}
		if err := c.decode(&req, true); err != nil {
			return nil, err
		}
		ids = req.UserIDs
	}
	ids = uniq(ids)
	if len(ids) == 0 || len(ids) > 100 {
		return nil, errBadRequest("Parameters validation error: userIds must have 1 to 100 items")
	}
	return ids, nil
}

// changeMembers adds ("member"), removes ("none"), bans ("banned") or unbans ("unban") the
// users ids, who must exist, and returns the memberships it changed.
func (c *request) changeMembers(ms memberSet, ids []string, op string) ([]*membership, error) {
	for _, id := range ids {
		if c.st.users[id] == nil {
			return nil, errNotFound("User Not Found.")
		}
	}
	now := c.now()
	var changed []*membership
	for _, id := range ids {
		switch op {
		case "unban":
			if ms.status(id) == "banned" {
				ms[id].status, ms[id].updatedAt = "none", now
			}
		case "banned":
			m := c.st.setMember(ms, id, "banned", now)
			m.roles = []string{}
		default:
			c.st.setMember(ms, id, op, now)
		}
		if m := ms[id]; m != nil {
			changed = append(changed, m)
		}
	}
	return changed, nil
}

// changeRoles adds (add) or removes roles of the members userIDs and returns their
// memberships.
func (c *request) changeRoles(ms memberSet, userIDs, roles []string, add bool) []*membership {
	now := c.now()
	var changed []*membership
	for _, id := range userIDs {
		m := ms[id]
		for _, r := range roles {
			if add {
				m.roles = addUnique(m.roles, r)
			} else {
				m.roles = removeString(m.roles, r)
			}
		}
		m.updatedAt = now
		changed = append(changed, m)
	}
	return changed
}

// filterMembers returns the memberships of ms whose status is one of memberships ("muted"
// matches muted members), that have one of roles (when given), whose user is deleted or
// not as isDeleted asks (both by default) and whose user's display name or ID contains
// search (lower case; when given).
//
// search (lower case) matches the fields of the members' users that searchBy names (see
// user.matches); isBrand, when set, keeps brand users (true: none, the fake has no brand
// users) or the others.
func (c *request) filterMembers(ms memberSet, memberships, roles []string, isDeleted *bool, search string, searchBy []string, isBrand *bool) []*membership {
	now := c.now()
	var list []*membership
	for _, m := range ms {
		muted := m.status == "member" && mutedAt(m.muted, m.muteTimeout, now)
		if !containsString(memberships, m.status) && !(muted && containsString(memberships, "muted")) {
			continue
		}
		if len(roles) > 0 && !anyShared(roles, m.roles) {
			continue
		}
		u := c.st.users[m.userID]
		if u == nil || !deletedFilter(isDeleted, u.deleted, bothByDefault) {
			continue
		}
		if search != "" && !u.matches(search, searchBy, false) {
			continue
		}
		if isBrand != nil && *isBrand {
			continue
		}
		list = append(list, m)
	}
	return list
}

// setMember makes userID a member (keeping a ban), creating the record.
func (st *state) setMember(members memberSet, userID, status string, now time.Time) *membership {
	m := members[userID]
	if m == nil {
		m = &membership{userID: userID, roles: []string{}, createdAt: now, seq: st.nextSeq()}
		members[userID] = m
	}
	if status == "member" && m.status == "banned" {
		return m
	}
	if status == "member" && m.status != "member" {
		m.createdAt = now
		m.seq = st.nextSeq()
	}
	if status == "none" {
		m.roles = []string{}
	}
	m.status = status
	m.updatedAt, m.lastActivity = now, now
	return m
}
