package amitytest

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"
)

// SeedFile is a fixture the server can load with LoadSeedFile: users, communities and their
// members, posts, comments, channels, messages and flags, in JSON. testdata/mock_seed.json
// is a documented example. Entities are created in the order of the file's lists; an entity
// another one refers to comes first (a community before its posts, a comment before its
// replies). An entity without an id gets a fresh one (then nothing can refer to it); give
// communities, posts, comments and messages 24-hex-digit ids, the shape of the service's,
// because the SDK checks that shape for them.
type SeedFile struct {
	Users       []SeedUser      `json:"users"`
	Communities []SeedCommunity `json:"communities"`
	Members     []SeedMember    `json:"members"`
	Posts       []SeedPost      `json:"posts"`
	Comments    []SeedComment   `json:"comments"`
	Channels    []SeedChannel   `json:"channels"`
	Messages    []SeedMessage   `json:"messages"`
	Flags       []SeedFlag      `json:"flags"`
}

// SeedUser is a user of a SeedFile.
type SeedUser struct {
	UserID      string         `json:"userId"`
	DisplayName string         `json:"displayName"`
	Description string         `json:"description,omitempty"`
	Roles       []string       `json:"roles,omitempty"`
	Metadata    map[string]any `json:"metadata,omitempty"`
}

// SeedCommunity is a community of a SeedFile. Its creator is a member and a
// community moderator.
type SeedCommunity struct {
	ID          string         `json:"communityId,omitempty"`
	DisplayName string         `json:"displayName"`
	Description string         `json:"description,omitempty"`
	Creator     string         `json:"creator"`
	IsPublic    *bool          `json:"isPublic,omitempty"` // default true
	Tags        []string       `json:"tags,omitempty"`
	Metadata    map[string]any `json:"metadata,omitempty"`
}

// SeedMember is a member of a community (Community) or of a channel (Channel) of a
// SeedFile, with roles (e.g. "community-moderator", "channel-moderator").
type SeedMember struct {
	Community string   `json:"communityId,omitempty"`
	Channel   string   `json:"channelId,omitempty"`
	UserID    string   `json:"userId"`
	Roles     []string `json:"roles,omitempty"`
}

// SeedPost is a text post of a SeedFile, on a community's feed (Community) or a user's
// (otherwise: the author's).
type SeedPost struct {
	ID        string         `json:"postId,omitempty"`
	Author    string         `json:"author"`
	Community string         `json:"communityId,omitempty"`
	Text      string         `json:"text"`
	Tags      []string       `json:"tags,omitempty"`
	Metadata  map[string]any `json:"metadata,omitempty"`
}

// SeedComment is a comment on a post of a SeedFile, or a reply to a comment (Parent).
type SeedComment struct {
	ID     string `json:"commentId,omitempty"`
	Post   string `json:"postId"`
	Parent string `json:"parentId,omitempty"`
	Author string `json:"author"`
	Text   string `json:"text"`
}

// SeedChannel is a chat channel of a SeedFile ("community", "live" or "broadcast"; default
// "community"). Its creator is a member and a channel moderator.
type SeedChannel struct {
	ID          string         `json:"channelId,omitempty"`
	Type        string         `json:"type,omitempty"`
	DisplayName string         `json:"displayName"`
	Creator     string         `json:"creator"`
	Tags        []string       `json:"tags,omitempty"`
	Metadata    map[string]any `json:"metadata,omitempty"`
}

// SeedMessage is a text message in a channel of a SeedFile.
type SeedMessage struct {
	ID      string `json:"messageId,omitempty"`
	Channel string `json:"channelId"`
	Author  string `json:"author"`
	Text    string `json:"text"`
}

// SeedFlag is a flag of a SeedFile: By flags exactly one of a post, a comment, a message
// or a user.
type SeedFlag struct {
	By      string `json:"by"`
	Post    string `json:"postId,omitempty"`
	Comment string `json:"commentId,omitempty"`
	Message string `json:"messageId,omitempty"`
	User    string `json:"userId,omitempty"`
}

// ReadSeedFile decodes a SeedFile from r, refusing unknown members.
func ReadSeedFile(r io.Reader) (*SeedFile, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f SeedFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("amitytest: seed file: %w", err)
	}
	return &f, nil
}

// OpenSeedFile reads the SeedFile at path.
func OpenSeedFile(path string) (*SeedFile, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return ReadSeedFile(fh)
}

// LoadSeedFile adds the entities of f to the server's data. It checks every reference first
// and changes nothing when one fails: an unknown user, community, post, comment, channel or
// message, an id already taken, or a flag that names no target or several.
func (s *Server) LoadSeedFile(f *SeedFile) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.st.checkSeedFile(f); err != nil {
		return err
	}
	s.st.loadSeedFile(f, s.now())
	return nil
}

// checkSeedFile validates f against the state and itself; s.mu is held.
func (st *state) checkSeedFile(f *SeedFile) error {
	users := map[string]bool{}
	hasUser := func(id string) bool { return users[id] || (st.users[id] != nil && !st.users[id].deleted) }
	for i, u := range f.Users {
		if u.UserID == "" {
			return fmt.Errorf("amitytest: seed file: users[%d]: userId is empty", i)
		}
		users[u.UserID] = true
	}
	ids := map[string]bool{}
	fresh := func(kind string, i int, id string, taken bool) error {
		if id == "" {
			return nil
		}
		if taken || ids[kind+id] {
			return fmt.Errorf("amitytest: seed file: %s[%d]: id %q is taken", kind, i, id)
		}
		ids[kind+id] = true
		return nil
	}
	known := func(kind, id string, exists bool) bool { return ids[kind+id] || exists }
	needUser := func(kind string, i int, id string) error {
		if !hasUser(id) {
			return fmt.Errorf("amitytest: seed file: %s[%d]: unknown user %q", kind, i, id)
		}
		return nil
	}
	for i, c := range f.Communities {
		if err := fresh("communities", i, c.ID, st.communities[c.ID] != nil); err != nil {
			return err
		}
		if err := needUser("communities", i, c.Creator); err != nil {
			return err
		}
	}
	for i, c := range f.Channels {
		if err := fresh("channels", i, c.ID, st.channels[c.ID] != nil); err != nil {
			return err
		}
		if err := needUser("channels", i, c.Creator); err != nil {
			return err
		}
	}
	for i, m := range f.Members {
		if err := needUser("members", i, m.UserID); err != nil {
			return err
		}
		switch {
		case m.Community != "" && m.Channel == "" && known("communities", m.Community, st.communities[m.Community] != nil):
		case m.Channel != "" && m.Community == "" && known("channels", m.Channel, st.channels[m.Channel] != nil):
		default:
			return fmt.Errorf("amitytest: seed file: members[%d]: needs one known communityId or channelId", i)
		}
	}
	for i, p := range f.Posts {
		if err := fresh("posts", i, p.ID, st.posts[p.ID] != nil); err != nil {
			return err
		}
		if err := needUser("posts", i, p.Author); err != nil {
			return err
		}
		if p.Community != "" && !known("communities", p.Community, st.communities[p.Community] != nil) {
			return fmt.Errorf("amitytest: seed file: posts[%d]: unknown community %q", i, p.Community)
		}
	}
	for i, c := range f.Comments {
		if err := fresh("comments", i, c.ID, st.comments[c.ID] != nil); err != nil {
			return err
		}
		if err := needUser("comments", i, c.Author); err != nil {
			return err
		}
		if !known("posts", c.Post, st.posts[c.Post] != nil) {
			return fmt.Errorf("amitytest: seed file: comments[%d]: unknown post %q", i, c.Post)
		}
		if c.Parent != "" && !known("comments", c.Parent, st.comments[c.Parent] != nil) {
			return fmt.Errorf("amitytest: seed file: comments[%d]: unknown parent %q", i, c.Parent)
		}
	}
	for i, m := range f.Messages {
		if err := fresh("messages", i, m.ID, st.messages[m.ID] != nil); err != nil {
			return err
		}
		if err := needUser("messages", i, m.Author); err != nil {
			return err
		}
		if !known("channels", m.Channel, st.channels[m.Channel] != nil) {
			return fmt.Errorf("amitytest: seed file: messages[%d]: unknown channel %q", i, m.Channel)
		}
	}
	for i, fl := range f.Flags {
		if err := needUser("flags", i, fl.By); err != nil {
			return err
		}
		n, ok := 0, false
		for _, t := range []struct {
			id     string
			kind   string
			exists bool
		}{
			{fl.Post, "posts", st.posts[fl.Post] != nil},
			{fl.Comment, "comments", st.comments[fl.Comment] != nil},
			{fl.Message, "messages", st.messages[fl.Message] != nil},
			{fl.User, "", hasUser(fl.User)},
		} {
			if t.id != "" {
				n++
				ok = t.exists || (t.kind != "" && ids[t.kind+t.id])
			}
		}
		if n != 1 || !ok {
			return fmt.Errorf("amitytest: seed file: flags[%d]: needs exactly one known postId, commentId, messageId or userId", i)
		}
	}
	return nil
}

// loadSeedFile creates the entities of a checked f; s.mu is held.
func (st *state) loadSeedFile(f *SeedFile, now time.Time) {
	orID := func(id string) string {
		if id == "" {
			return st.newID()
		}
		return id
	}
	orMap := func(m map[string]any) map[string]any {
		if m == nil {
			return map[string]any{}
		}
		return m
	}
	orList := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	for _, su := range f.Users {
		u := st.users[su.UserID]
		if u == nil {
			u = st.addUser(su.UserID, su.DisplayName, now)
		}
		u.displayName, u.description, u.metadata = su.DisplayName, su.Description, orMap(su.Metadata)
		u.roles = orList(su.Roles)
	}
	for _, sc := range f.Communities {
		public := sc.IsPublic == nil || *sc.IsPublic
		cm := &community{
			id: orID(sc.ID), channelID: st.newID(), creatorID: sc.Creator, displayName: sc.DisplayName,
			description: sc.Description, isPublic: public, allowCommentInStory: true, notificationMode: "default",
			tags: orList(sc.Tags), metadata: orMap(sc.Metadata), categoryIDs: []string{}, members: map[string]*membership{},
			createdAt: now, updatedAt: now, seq: st.nextSeq(),
		}
		st.communities[cm.id] = cm
		st.setMember(cm.members, sc.Creator, "member", now).roles = []string{roleCommunityModerator}
	}
	for _, sc := range f.Channels {
		kind := sc.Type
		if kind == "" {
			kind = "community"
		}
		ch := st.newChannel(sc.ID, kind, sc.Creator, now)
		ch.displayName, ch.tags, ch.metadata = sc.DisplayName, orList(sc.Tags), orMap(sc.Metadata)
		st.setMember(ch.members, sc.Creator, "member", now).roles = []string{roleChannelModerator}
	}
	for _, sm := range f.Members {
		set := st.channels[sm.Channel]
		var m *membership
		if sm.Community != "" {
			m = st.setMember(st.communities[sm.Community].members, sm.UserID, "member", now)
		} else {
			m = st.setMember(set.members, sm.UserID, "member", now)
		}
		if sm.Roles != nil {
			m.roles = sm.Roles
		}
	}
	for _, sp := range f.Posts {
		targetType, targetID := "user", sp.Author
		if sp.Community != "" {
			targetType, targetID = "community", sp.Community
		}
		p := &post{
			id: orID(sp.ID), postedUserID: sp.Author, targetType: targetType, targetID: targetID, dataType: "text",
			data: map[string]any{"text": sp.Text}, metadata: orMap(sp.Metadata), tags: orList(sp.Tags),
			children: []string{}, feedType: "published", flags: flagSet{},
			editedAt: now, createdAt: now, updatedAt: now, seq: st.nextSeq(),
		}
		st.addPost(p)
	}
	for _, sc := range f.Comments {
		p := st.posts[sc.Post]
		cm := &comment{
			id: orID(sc.ID), userID: sc.Author, referenceID: p.id, referenceType: "post",
			targetType: p.targetType, targetID: p.targetID, data: map[string]any{"text": sc.Text},
			metadata: map[string]any{}, children: []string{}, flags: flagSet{},
			editedAt: now, createdAt: now, updatedAt: now, seq: st.nextSeq(),
		}
		if parent := st.comments[sc.Parent]; parent != nil {
			cm.parentID, cm.rootID = parent.id, parent.id
			if parent.rootID != "" {
				cm.rootID = parent.rootID
			}
			parent.children = append(parent.children, cm.id)
		}
		st.addComment(cm)
	}
	for _, sm := range f.Messages {
		ch := st.channels[sm.Channel]
		feed := st.feeds[ch.defaultFeedID()]
		feed.nextSegment++
		msg := &message{
			id: orID(sm.ID), channelID: ch.id, feedID: feed.id, segment: feed.nextSegment, dataType: "text",
			data: map[string]any{"text": sm.Text}, metadata: map[string]any{}, tags: []string{}, creatorID: sm.Author,
			flags: flagSet{}, editedAt: now, createdAt: now, updatedAt: now, seq: st.nextSeq(),
		}
		st.messages[msg.id] = msg
		ch.lastActivity = now
	}
	for _, fl := range f.Flags {
		switch {
		case fl.Post != "":
			st.posts[fl.Post].flags[fl.By] = now
			st.touchPost(st.posts[fl.Post])
		case fl.Comment != "":
			st.comments[fl.Comment].flags[fl.By] = now
			st.touchComment(st.comments[fl.Comment])
		case fl.Message != "":
			st.messages[fl.Message].flags[fl.By] = now
		default:
			st.users[fl.User].flags[fl.By] = now
		}
	}
}
