package amitytest

import "time"

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

// setMember makes userID a member (keeping a ban), creating the record.
func (st *state) setMember(members map[string]*membership, userID, status string, now time.Time) *membership {
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
