package amitytest

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"time"
)

// The notification tray of a user is made from what others did to the user's content, as the
// fake holds it when the tray is read (so a deleted comment leaves the tray, and a new
// reaction joins its item):
//
//   - reactions on the user's post, one item per post (action reaction, react_to_post), and on
//     the user's comment (react_to_comment), with the reaction names in data.reactionName;
//   - comments on the user's post, one item per post (comment), and replies to the user's
//     comment, one per comment (reply);
//   - mentions of the user in a post (mention, mention_in_post) or a comment
//     (mention_in_comment), one item each.
//
// Items group their actors (newest first; actorIds holds at most 3, actorsCount all) and
// come newest first, paged by page and pageSize (the spec) or options[limit] (the clients).
// Each answer carries the spec's members and those the vendor clients read (lastOccurredAt,
// actors, actionType, lastSeenAt, ...). An item is seen when marked seen (POST
// /api/v1/notification-tray/items/seen) or when the whole tray is (POST .../tray/seen).

// trayActor is one actor of a tray item and when it last acted.
type trayActor struct {
	userID string
	at     time.Time
}

// trayItem is one item of a user's tray.
type trayItem struct {
	id                                 string
	action, category                   string
	targetID, targetType               string
	referenceID, referenceType         string
	parentID, rootID, latestCommentID  string
	actors                             map[string]time.Time
	reactionNames                      []string
	communityName                      string
	verb                               string // "reacted to your post", ...
	occurred                           time.Time
	selfID, actionReferenceID, sortKey string
}

// trayItems builds userID's tray, newest first. s.mu is held.
func (st *state) trayItems(userID string) []*trayItem {
	groups := map[string]*trayItem{}
	item := func(key string, init trayItem) *trayItem {
		it := groups[key]
		if it == nil {
			init.id = stableID("tray\x00" + userID + "\x00" + key)
			init.sortKey = key
			init.actors = map[string]time.Time{}
			it = &init
			groups[key] = it
		}
		return it
	}
	act := func(it *trayItem, actor string, at time.Time) {
		if at.After(it.actors[actor]) {
			it.actors[actor] = at
		}
		if at.After(it.occurred) {
			it.occurred = at
		}
	}
	communityName := func(p *post) string {
		if p.targetType == "community" {
			if cm := st.communities[p.targetID]; cm != nil {
				return cm.displayName
			}
		}
		return ""
	}
	mentions := func(ms []mentionee) bool {
		for _, m := range ms {
			if (m.Type == "" || m.Type == "user") && containsString(m.UserIDs, userID) {
				return true
			}
		}
		return false
	}
	for _, p := range st.posts {
		if p.deleted {
			continue
		}
		if p.postedUserID == userID {
			for _, r := range p.reactions {
				if r.userID == userID {
					continue
				}
				it := item("reaction:post:"+p.id, trayItem{action: "reaction", category: "react_to_post", targetID: p.id, targetType: "post",
					referenceID: p.id, referenceType: "post", verb: "reacted to your post", communityName: communityName(p)})
				act(it, r.userID, r.createdAt)
				it.actionReferenceID = r.id
				it.reactionNames = addUnique(it.reactionNames, r.name)
			}
		} else if mentions(p.mentionees) {
			it := item("mention:post:"+p.id, trayItem{action: "mention", category: "mention_in_post", targetID: p.id, targetType: "post",
				referenceID: p.id, referenceType: "post", verb: "mentioned you in a post", communityName: communityName(p)})
			act(it, p.postedUserID, p.createdAt)
		}
	}
	for _, cm := range st.comments {
		if cm.deleted || cm.referenceType != "post" {
			continue
		}
		p := st.posts[cm.referenceID]
		if p == nil || p.deleted {
			continue
		}
		switch {
		case cm.userID == userID:
			for _, r := range cm.reactions {
				if r.userID == userID {
					continue
				}
				it := item("reaction:comment:"+cm.id, trayItem{action: "reaction", category: "react_to_comment", targetID: cm.id, targetType: "comment",
					referenceID: p.id, referenceType: "post", parentID: cm.parentID, rootID: cm.rootID, verb: "reacted to your comment",
					communityName: communityName(p)})
				act(it, r.userID, r.createdAt)
				it.actionReferenceID = r.id
				it.reactionNames = addUnique(it.reactionNames, r.name)
			}
		case mentions(cm.mentionees):
			it := item("mention:comment:"+cm.id, trayItem{action: "mention", category: "mention_in_comment", targetID: p.id, targetType: "post",
				referenceID: cm.id, referenceType: "comment", parentID: cm.parentID, rootID: cm.rootID, selfID: cm.id,
				verb: "mentioned you in a comment", communityName: communityName(p)})
			act(it, cm.userID, cm.createdAt)
		}
		if cm.userID == userID {
			continue
		}
		if cm.parentID == "" && p.postedUserID == userID {
			it := item("comment:"+p.id, trayItem{action: "comment", targetID: p.id, targetType: "post", referenceType: "comment",
				verb: "commented on your post", communityName: communityName(p)})
			if cm.createdAt.After(it.occurred) || it.referenceID == "" {
				it.referenceID, it.latestCommentID, it.actionReferenceID = cm.id, cm.id, cm.id
			}
			act(it, cm.userID, cm.createdAt)
		}
		if parent := st.comments[cm.parentID]; parent != nil && !parent.deleted && parent.userID == userID {
			it := item("reply:"+parent.id, trayItem{action: "reply", targetID: parent.id, targetType: "comment", referenceType: "comment",
				parentID: parent.id, rootID: cm.rootID, verb: "replied to your comment", communityName: communityName(p)})
			if cm.createdAt.After(it.occurred) || it.referenceID == "" {
				it.referenceID, it.latestCommentID, it.actionReferenceID = cm.id, cm.id, cm.id
			}
			act(it, cm.userID, cm.createdAt)
		}
	}
	out := make([]*trayItem, 0, len(groups))
	for _, it := range groups {
		sort.Strings(it.reactionNames)
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].occurred.Equal(out[j].occurred) {
			return out[i].occurred.After(out[j].occurred)
		}
		return out[i].sortKey < out[j].sortKey
	})
	return out
}

// actorList returns the item's actors, newest first.
func (it *trayItem) actorList() []trayActor {
	out := make([]trayActor, 0, len(it.actors))
	for id, at := range it.actors {
		out = append(out, trayActor{id, at})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].at.Equal(out[j].at) {
			return out[i].at.After(out[j].at)
		}
		return out[i].userID < out[j].userID
	})
	return out
}

type trayActorJSON struct {
	ID          string `json:"_id"`
	PublicID    string `json:"publicId"`
	LastActedAt string `json:"lastActedAt"`
}

// trayItemJSON is a tray item with the spec's members (lastOccuredAt, actorIds, action) and
// those the vendor clients read (lastOccurredAt, actors, actionType, lastSeenAt, daySegment).
type trayItemJSON struct {
	ID                string          `json:"_id"`
	LastOccuredAt     string          `json:"lastOccuredAt"`
	LastOccurredAt    string          `json:"lastOccurredAt"`
	LastSeenAt        *string         `json:"lastSeenAt,omitempty"`
	ActorIDs          []string        `json:"actorIds"`
	Actors            []trayActorJSON `json:"actors"`
	ActorsCount       int             `json:"actorsCount"`
	Action            string          `json:"action"`
	ActionType        string          `json:"actionType"`
	TrayItemCategory  string          `json:"trayItemCategory,omitempty"`
	TargetID          string          `json:"targetId"`
	TargetType        string          `json:"targetType"`
	ReferenceID       string          `json:"referenceId,omitempty"`
	ReferenceType     string          `json:"referenceType,omitempty"`
	ActionReferenceID string          `json:"actionReferenceId,omitempty"`
	SelfID            string          `json:"selfId,omitempty"`
	ParentID          string          `json:"parentId,omitempty"`
	RootID            string          `json:"rootId,omitempty"`
	LatestCommentID   string          `json:"latestCommentId,omitempty"`
	Data              map[string]any  `json:"data"`
	Text              string          `json:"text"`
	TemplatedText     string          `json:"templatedText"`
	DaySegment        string          `json:"daySegment"`
}

// seenAt is when userID last saw item id: marked itself, or with the whole tray.
func (ns *nsState) seenAt(userID, id string) time.Time {
	seen := ns.itemSeen[userID][id]
	if t := ns.traySeen[userID]; t.After(seen) {
		seen = t
	}
	return seen
}

// trayItemJSON renders it for userID, adding its actors to b.
func (c *request) trayItemJSON(userID string, it *trayItem, b *sideload) trayItemJSON {
	actors := it.actorList()
	out := trayItemJSON{
		ID: it.id, LastOccuredAt: ts(it.occurred), LastOccurredAt: ts(it.occurred), ActorIDs: []string{}, Actors: []trayActorJSON{},
		ActorsCount: len(actors), Action: it.action, ActionType: it.action, TrayItemCategory: it.category,
		TargetID: it.targetID, TargetType: it.targetType, ReferenceID: it.referenceID, ReferenceType: it.referenceType,
		ActionReferenceID: it.actionReferenceID, SelfID: it.selfID, ParentID: it.parentID, RootID: it.rootID,
		LatestCommentID: it.latestCommentID, DaySegment: ts(it.occurred.UTC().Truncate(24 * time.Hour)),
		LastSeenAt: tsPtr(c.st.ns4116().seenAt(userID, it.id)),
	}
	if it.action == "reaction" {
		out.Data = map[string]any{"reactionName": nonNil(it.reactionNames)}
	} else {
		out.Data = map[string]any{"communityName": it.communityName}
	}
	name, tmpl := "", ""
	for i, a := range actors {
		internal := a.userID
		if u := c.st.users[a.userID]; u != nil {
			internal = u.internalID
			if i == 0 {
				name = u.displayName
			}
		}
		if i == 0 {
			tmpl = "{{user:" + a.userID + "}}"
		}
		if i < 3 {
			out.ActorIDs = append(out.ActorIDs, internal)
		}
		out.Actors = append(out.Actors, trayActorJSON{ID: internal, PublicID: a.userID, LastActedAt: ts(a.at)})
		b.addUser(a.userID)
	}
	if name == "" && len(actors) > 0 {
		name = actors[0].userID
	}
	if n := len(actors) - 1; n > 0 {
		others := fmt.Sprintf(" and %d other", n)
		if n > 1 {
			others += "s"
		}
		name, tmpl = name+others, tmpl+others
	}
	out.Text, out.TemplatedText = name+" "+it.verb, tmpl+" "+it.verb
	return out
}

// traySeenSince is when userID's tray counts as seen when it never was marked: when the user
// was created (an empty tray is seen; the spec requires a time).
func (c *request) traySeenSince(userID string) time.Time {
	if t := c.st.ns4116().traySeen[userID]; !t.IsZero() {
		return t
	}
	if u := c.st.users[userID]; u != nil {
		return u.createdAt
	}
	return c.st.started
}

// parseSeenAt reads a required date-time of a seen mark.
func parseSeenAt(name, v string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return t, errBadRequest("Parameters validation error: %s must be a date-time", name)
	}
	return t.UTC(), nil
}

func (s *Server) routesNotificationTray() {
	s.route("GET /api/v1/notification-tray", authUser, func(c *request) error {
		size, page := defaultPageSize, 1
		for _, p := range []struct {
			names  []string
			dst    *int
			lo, hi int
		}{{[]string{"pageSize", "options[limit]"}, &size, 1, maxPageSize}, {[]string{"page"}, &page, 1, 0}} {
			for _, name := range p.names {
				v := c.r.URL.Query().Get(name)
				if v == "" {
					continue
				}
				n, err := strconv.Atoi(v)
				if err != nil || n < p.lo || (p.hi > 0 && n > p.hi) {
					return errBadRequest("Parameters validation error: %s is invalid", name)
				}
				*p.dst = n
				break
			}
		}
		items := c.st.trayItems(c.identity)
		total := len(items)
		start := min((page-1)*size, total)
		end := min(start+size, total)
		b := c.sideload()
		list := []trayItemJSON{}
		seens := []map[string]string{}
		ns := c.st.ns4116()
		for _, it := range items[start:end] {
			list = append(list, c.trayItemJSON(c.identity, it, b))
			if at := ns.seenAt(c.identity, it.id); !at.IsZero() {
				seens = append(seens, map[string]string{"_id": it.id, "lastSeenAt": ts(at)})
			}
		}
		return c.ok(map[string]any{
			"notificationTrayItems": list, "notificationTrayItemSeens": seens, "users": b.users(), "files": b.files(),
			"paging": map[string]int{"currentPage": page, "totalPages": (total + size - 1) / size, "totalItems": total, "pageSize": size},
		})
	})
	s.route("POST /api/v1/notification-tray/items/seen", authUser, func(c *request) error {
		var req struct {
			TrayItems []struct {
				ID         string `json:"id"`
				LastSeenAt string `json:"lastSeenAt"`
			} `json:"trayItems"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if len(req.TrayItems) == 0 {
			return errBadRequest("Parameters validation error: trayItems is required")
		}
		mine := map[string]bool{}
		for _, it := range c.st.trayItems(c.identity) {
			mine[it.id] = true
		}
		type mark struct {
			id string
			at time.Time
		}
		var marks []mark
		for _, it := range req.TrayItems {
			at, err := parseSeenAt("trayItems[].lastSeenAt", it.LastSeenAt)
			if err != nil {
				return err
			}
			if it.ID == "" {
				return errBadRequest("Parameters validation error: trayItems[].id is required")
			}
			if !mine[it.ID] {
				return &apiError{http.StatusNotFound, codeNotFound, "Notification tray item " + it.ID + " not found"}
			}
			marks = append(marks, mark{it.ID, at})
		}
		ns := c.st.ns4116()
		if ns.itemSeen[c.identity] == nil {
			ns.itemSeen[c.identity] = map[string]time.Time{}
		}
		var latest time.Time
		done := []map[string]string{}
		for _, m := range marks {
			ns.itemSeen[c.identity][m.id] = m.at
			if m.at.After(latest) {
				latest = m.at
			}
			done = append(done, map[string]string{"id": m.id, "lastSeenAt": ts(m.at)})
		}
		return c.ok(map[string]any{"lastTraySeenAt": ts(c.traySeenSince(c.identity)), "lastSeenAt": ts(latest), "trayItems": done})
	})
	s.route("GET /api/v1/notification-tray/tray/seen", authUser, func(c *request) error {
		occurred := time.Unix(0, 0)
		if items := c.st.trayItems(c.identity); len(items) > 0 {
			occurred = items[0].occurred
		}
		return c.ok(map[string]string{"lastTraySeenAt": ts(c.traySeenSince(c.identity)),
			"lastTrayOccuredAt": ts(occurred), "lastTrayOccurredAt": ts(occurred)})
	})
	s.route("POST /api/v1/notification-tray/tray/seen", authUser, func(c *request) error {
		var req struct {
			LastSeenAt string `json:"lastSeenAt"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		at, err := parseSeenAt("lastSeenAt", req.LastSeenAt)
		if err != nil {
			return err
		}
		c.st.ns4116().traySeen[c.identity] = at
		return c.ok(map[string]string{"lastTraySeenAt": ts(at), "lastSeenAt": ts(at)})
	})
}
