package amitytest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"strings"
	"time"
)

// SeedOptions sizes the data Seed creates. Zero fields take the defaults.
type SeedOptions struct {
	// Seed drives the pseudo-random choices (default 1); the same options on
	// a fresh server produce the same data and ids.
	Seed int64
	// Users is the number of users (default 12).
	Users int
	// Communities is the number of communities (default 3).
	Communities int
	// PostsPerCommunity is the number of posts in each community (default 6).
	PostsPerCommunity int
	// CommentsPerPost is the number of comments on each post (default 3).
	CommentsPerPost int
	// Channels is the number of chat channels (default 2).
	Channels int
	// MessagesPerChannel is the number of messages in each channel (default 15).
	MessagesPerChannel int
	// RepliesPerComment is the number of replies to each comment of a community post
	// (default none); every fourth reply is flagged.
	RepliesPerComment int
}

// SeedResult lists what Seed created.
type SeedResult struct {
	UserIDs           []string
	FlaggedUserIDs    []string
	CategoryIDs       []string
	CommunityIDs      []string
	PostIDs           []string // parent posts, community and user feeds
	ImagePostIDs      []string // parent posts with image attachments
	FlaggedPostIDs    []string
	CommentIDs        []string
	FlaggedCommentIDs []string
	ReplyIDs          []string // replies to comments (SeedOptions.RepliesPerComment)
	FlaggedReplyIDs   []string
	ChannelIDs        []string // public channel IDs
	MessageFeedIDs    []string // the channels' default message feeds, in ChannelIDs order (their internal IDs)
	MessageIDs        []string
	FlaggedMessageIDs []string
	FileIDs           []string
	PollID            string
	PollPostID        string
}

var (
	seedFirstNames = []string{"Ava", "Ben", "Chloe", "Dan", "Emma", "Finn", "Grace", "Hugo", "Isla", "Jack", "Kira", "Leo", "Maya", "Noah", "Olive", "Paul", "Quinn", "Rosa", "Sam", "Tara"}
	seedLastNames  = []string{"Smith", "Tanaka", "Garcia", "Müller", "Rossi", "Kim", "Dubois", "Silva", "Nguyen", "Patel"}
	seedCities     = []string{"Bangkok", "Berlin", "Lisbon", "Osaka", "Toronto", "Nairobi", "Lima", "Oslo"}
	seedCommunity  = []string{"Trail Runners", "Home Bakers", "Retro Gamers", "Urban Gardeners", "Night Photographers", "Board Game Club", "Jazz Listeners", "Weekend Cyclists"}
	seedCategories = []string{"Sports", "Food", "Hobbies"}
	seedTags       = []string{"news", "question", "tips", "event", "photo"}
	seedSentences  = []string{
		"Just finished a great session, feeling fantastic!",
		"Does anyone have tips for beginners?",
		"Sharing a few pictures from last weekend.",
		"Reminder: meetup on Saturday at ten.",
		"What do you all think about the new schedule?",
		"Thanks everyone for the warm welcome.",
		"Here is a quick guide I wrote for newcomers.",
		"Has anyone tried the place downtown?",
	}
	seedReplies = []string{"Great post!", "Thanks for sharing.", "I agree with this.", "Count me in!", "Interesting point.", "Could you explain more?"}
	seedChats   = []string{"Hi all!", "Good morning", "Anyone around?", "See you tomorrow", "That sounds good", "On my way", "Let's do it", "Nice one"}
)

// Seed fills the server with realistic, deterministic data: users (some
// flagged, all with metadata), categories, communities with members, text
// and image posts (some flagged) with comments (some flagged) and reactions,
// a poll post, and chat channels with messages (some flagged).
func (s *Server) Seed(opts SeedOptions) SeedResult {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&opts.Users, 12)
	def(&opts.Communities, 3)
	def(&opts.PostsPerCommunity, 6)
	def(&opts.CommentsPerPost, 3)
	def(&opts.Channels, 2)
	def(&opts.MessagesPerChannel, 15)
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g := &seeder{st: s.st, rng: rand.New(rand.NewSource(opts.Seed)), replies: max(opts.RepliesPerComment, 0)}
	items := opts.Users + len(seedCategories) + opts.Communities*(1+opts.PostsPerCommunity*(1+opts.CommentsPerPost*(1+max(opts.RepliesPerComment, 0)))) +
		3*2 + 1 + opts.Channels*(1+opts.MessagesPerChannel) + 8
	span := 7 * 24 * time.Hour
	g.step = span / time.Duration(items)
	if g.step > 30*time.Minute {
		g.step = 30 * time.Minute
	}
	g.at = s.now().Add(-g.step * time.Duration(items+1))
	return g.run(opts)
}

type seeder struct {
	st      *state
	rng     *rand.Rand
	at      time.Time
	step    time.Duration
	replies int // per comment of a community post
	res     SeedResult
}

// tick advances the seed clock and returns the next creation time; every
// created entity takes one tick, so all seeded data is in the past.
func (g *seeder) tick() time.Time {
	g.at = g.at.Add(g.step)
	return g.at
}

// later is a time shortly after the last tick, for reactions, flags and votes.
func (g *seeder) later() time.Time { return g.at.Add(time.Second) }

func (g *seeder) pick(list []string) string { return list[g.rng.Intn(len(list))] }

// flagBy flags an item by one to three users of audience, so a moderation sweep meets both
// lightly and heavily flagged content.
func (g *seeder) flagBy(flags flagSet, audience []string) {
	for n := 1 + g.rng.Intn(3); n > 0; n-- {
		flags[g.pick(audience)] = g.later()
	}
}

// others returns up to n users other than except, in random order.
func (g *seeder) others(except string, n int) []string {
	var out []string
	for _, i := range g.rng.Perm(len(g.res.UserIDs)) {
		if id := g.res.UserIDs[i]; id != except && len(out) < n {
			out = append(out, id)
		}
	}
	return out
}

func (g *seeder) run(opts SeedOptions) SeedResult {
	g.users(opts.Users)
	g.communities(opts)
	g.userPosts()
	g.poll()
	g.channels(opts)
	return g.res
}

func (g *seeder) users(n int) {
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("user-%02d", i)
		u := g.st.users[id]
		if u == nil {
			u = g.st.addUser(id, g.pick(seedFirstNames)+" "+g.pick(seedLastNames), g.tick())
		}
		u.metadata = map[string]any{"city": g.pick(seedCities), "seeded": true, "level": g.rng.Intn(10) + 1}
		u.description = "Hi, I live in " + u.metadata["city"].(string) + "."
		g.res.UserIDs = append(g.res.UserIDs, id)
	}
	for i, id := range g.res.UserIDs {
		if i%5 == 3 {
			u := g.st.users[id]
			for _, by := range g.others(id, 1+g.rng.Intn(2)) {
				u.flags[by] = g.later()
			}
			g.res.FlaggedUserIDs = append(g.res.FlaggedUserIDs, id)
		}
	}
}

// image creates a small PNG file uploaded by userID.
func (g *seeder) image(userID string) string {
	w, h := 48+g.rng.Intn(64), 32+g.rng.Intn(48)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	c := color.RGBA{uint8(g.rng.Intn(256)), uint8(g.rng.Intn(256)), uint8(g.rng.Intn(256)), 255}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	f := g.st.storeFile(upload{name: fmt.Sprintf("photo-%d.png", len(g.res.FileIDs)+1), mimeType: "image/png", data: buf.Bytes()}, "image", "", userID, g.later())
	g.res.FileIDs = append(g.res.FileIDs, f.id)
	return f.id
}

func (g *seeder) communities(opts SeedOptions) {
	for _, name := range seedCategories {
		now := g.tick()
		cat := &category{id: g.st.newID(), name: name, metadata: map[string]any{"seeded": true}, createdAt: now, updatedAt: now, seq: g.st.nextSeq()}
		g.st.categories[cat.id] = cat
		g.res.CategoryIDs = append(g.res.CategoryIDs, cat.id)
	}
	for i := 0; i < opts.Communities; i++ {
		now := g.tick()
		creator := g.pick(g.res.UserIDs)
		name := seedCommunity[i%len(seedCommunity)]
		if i >= len(seedCommunity) {
			name = fmt.Sprintf("%s %d", name, i/len(seedCommunity)+1)
		}
		cm := &community{
			id: g.st.newID(), channelID: g.st.newID(), creatorID: creator, displayName: name,
			description: "A place for " + strings.ToLower(name) + ".", isPublic: true, allowCommentInStory: true,
			notificationMode: "default", tags: []string{g.pick(seedTags)}, metadata: map[string]any{"seeded": true},
			categoryIDs: []string{g.res.CategoryIDs[i%len(g.res.CategoryIDs)]}, members: map[string]*membership{},
			createdAt: now, updatedAt: now, seq: g.st.nextSeq(),
		}
		g.st.communities[cm.id] = cm
		g.res.CommunityIDs = append(g.res.CommunityIDs, cm.id)
		m := g.st.setMember(cm.members, creator, "member", now)
		m.roles = []string{roleCommunityModerator}
		members := append([]string{creator}, g.others(creator, 3+g.rng.Intn(4))...)
		for _, id := range members[1:] {
			g.st.setMember(cm.members, id, "member", now)
		}
		for j := 0; j < opts.PostsPerCommunity; j++ {
			g.post("community", cm.id, g.pick(members), members, j%3 == 1, j%4 == 2, opts.CommentsPerPost)
		}
	}
}

// post creates a parent post (with image children when withImage) and its
// comments and reactions.
func (g *seeder) post(targetType, targetID, author string, audience []string, withImage, flagged bool, comments int) *post {
	now := g.tick()
	p := &post{
		id: g.st.newID(), postedUserID: author, targetType: targetType, targetID: targetID, dataType: "text",
		data: map[string]any{"text": g.pick(seedSentences)}, metadata: map[string]any{"seeded": true},
		tags: []string{g.pick(seedTags)}, children: []string{}, feedType: "published", flags: flagSet{},
		editedAt: now, createdAt: now, updatedAt: now, seq: g.st.nextSeq(),
	}
	g.st.addPost(p)
	g.res.PostIDs = append(g.res.PostIDs, p.id)
	if withImage {
		for k := 0; k < 1+g.rng.Intn(2); k++ {
			fid := g.image(author)
			ch := &post{
				id: g.st.newID(), parentID: p.id, postedUserID: author, targetType: targetType, targetID: targetID,
				dataType: "image", data: map[string]any{"fileId": fid}, metadata: map[string]any{}, children: []string{},
				feedType: "published", flags: flagSet{}, editedAt: now, createdAt: now, updatedAt: now, seq: g.st.nextSeq(),
			}
			g.st.addPost(ch)
			p.children = append(p.children, ch.id)
		}
		g.res.ImagePostIDs = append(g.res.ImagePostIDs, p.id)
	}
	for _, id := range audience {
		if id != author && g.rng.Intn(2) == 0 {
			p.reactions = append(p.reactions, &reaction{id: g.st.newID(), name: "like", userID: id, createdAt: g.later()})
		}
	}
	if flagged {
		g.flagBy(p.flags, audience)
		g.st.touchPost(p)
		g.res.FlaggedPostIDs = append(g.res.FlaggedPostIDs, p.id)
	}
	for k := 0; k < comments; k++ {
		t := g.tick()
		cm := &comment{
			id: g.st.newID(), userID: g.pick(audience), referenceID: p.id, referenceType: "post",
			targetType: targetType, targetID: targetID, data: map[string]any{"text": g.pick(seedReplies)},
			metadata: map[string]any{}, children: []string{}, flags: flagSet{}, segment: k + 1,
			editedAt: t, createdAt: t, updatedAt: t, seq: g.st.nextSeq(),
		}
		g.st.addComment(cm)
		g.res.CommentIDs = append(g.res.CommentIDs, cm.id)
		if (len(g.res.CommentIDs))%7 == 0 {
			g.flagBy(cm.flags, audience)
			g.st.touchComment(cm)
			g.res.FlaggedCommentIDs = append(g.res.FlaggedCommentIDs, cm.id)
		}
		if targetType == "community" {
			g.reply(cm, audience)
		}
	}
	return p
}

// reply adds the seeder's replies to cm, flagging every fourth.
func (g *seeder) reply(cm *comment, audience []string) {
	for k := 0; k < g.replies; k++ {
		t := g.tick()
		r := &comment{
			id: g.st.newID(), userID: g.pick(audience), parentID: cm.id, rootID: cm.id, referenceID: cm.referenceID,
			referenceType: cm.referenceType, targetType: cm.targetType, targetID: cm.targetID,
			data: map[string]any{"text": g.pick(seedReplies)}, metadata: map[string]any{}, children: []string{}, flags: flagSet{},
			segment: k + 1, editedAt: t, createdAt: t, updatedAt: t, seq: g.st.nextSeq(),
		}
		g.st.addComment(r)
		cm.children = append(cm.children, r.id)
		g.res.ReplyIDs = append(g.res.ReplyIDs, r.id)
		if len(g.res.ReplyIDs)%4 == 0 {
			g.flagBy(r.flags, audience)
			g.st.touchComment(r)
			g.res.FlaggedReplyIDs = append(g.res.FlaggedReplyIDs, r.id)
		}
	}
}

func (g *seeder) userPosts() {
	for i, id := range g.res.UserIDs {
		if i >= 3 {
			break
		}
		g.post("user", id, id, g.others("", 4), false, false, 1)
	}
}

func (g *seeder) poll() {
	if len(g.res.CommunityIDs) == 0 {
		return
	}
	cm := g.st.communities[g.res.CommunityIDs[0]]
	now := g.tick()
	pl := &poll{
		id: g.st.newID(), userID: cm.creatorID, question: "When should we meet next?", answerType: "single",
		closedIn: int64((30 * 24 * time.Hour) / time.Millisecond), votes: map[string]*pollVote{},
		createdAt: now, updatedAt: now, seq: g.st.nextSeq(),
	}
	for _, a := range []string{"Saturday morning", "Sunday afternoon", "Next week"} {
		pl.answers = append(pl.answers, &pollAnswer{id: g.st.newID(), dataType: "text", data: a})
	}
	g.st.polls[pl.id] = pl
	for id := range cm.members {
		if id != cm.creatorID && g.rng.Intn(2) == 0 {
			pl.votes[id] = &pollVote{answerIDs: []string{pl.answers[g.rng.Intn(len(pl.answers))].id}, createdAt: g.later(), seq: g.st.nextSeq()}
		}
	}
	p := &post{
		id: g.st.newID(), postedUserID: cm.creatorID, targetType: "community", targetID: cm.id, dataType: "text",
		data: map[string]any{"text": "Please vote!"}, metadata: map[string]any{}, tags: []string{"event"},
		children: []string{}, feedType: "published", flags: flagSet{}, editedAt: now, createdAt: now, updatedAt: now,
		seq: g.st.nextSeq(),
	}
	ch := &post{
		id: g.st.newID(), parentID: p.id, postedUserID: cm.creatorID, targetType: "community", targetID: cm.id,
		dataType: "poll", data: map[string]any{"pollId": pl.id}, metadata: map[string]any{}, children: []string{},
		feedType: "published", flags: flagSet{}, editedAt: now, createdAt: now, updatedAt: now, seq: g.st.nextSeq(),
	}
	p.children = []string{ch.id}
	g.st.addPost(p)
	g.st.addPost(ch)
	g.res.PollID, g.res.PollPostID = pl.id, p.id
	g.res.PostIDs = append(g.res.PostIDs, p.id)
}

func (g *seeder) channels(opts SeedOptions) {
	for i := 0; i < opts.Channels; i++ {
		now := g.tick()
		creator := g.pick(g.res.UserIDs)
		ch := g.st.newChannel("", "community", creator, now)
		ch.displayName = fmt.Sprintf("%s chat", seedCommunity[(i+3)%len(seedCommunity)])
		ch.tags = []string{g.pick(seedTags)}
		ch.metadata = map[string]any{"seeded": true}
		g.res.ChannelIDs = append(g.res.ChannelIDs, ch.id)
		g.res.MessageFeedIDs = append(g.res.MessageFeedIDs, ch.defaultFeedID())
		m := g.st.setMember(ch.members, creator, "member", now)
		m.roles = []string{roleChannelModerator}
		members := append([]string{creator}, g.others(creator, 3+g.rng.Intn(3))...)
		for _, id := range members[1:] {
			g.st.setMember(ch.members, id, "member", now)
		}
		feed := g.st.feeds[ch.defaultFeedID()]
		for k := 0; k < opts.MessagesPerChannel; k++ {
			t := g.tick()
			feed.nextSegment++
			msg := &message{
				id: g.st.newID(), referenceID: fmt.Sprintf("seed-%d-%d", i, k), channelID: ch.id, feedID: feed.id,
				segment: feed.nextSegment, dataType: "text", data: map[string]any{"text": g.pick(seedChats)},
				metadata: map[string]any{}, tags: []string{}, creatorID: g.pick(members), flags: flagSet{},
				editedAt: t, createdAt: t, updatedAt: t, seq: g.st.nextSeq(),
			}
			g.st.messages[msg.id] = msg
			g.res.MessageIDs = append(g.res.MessageIDs, msg.id)
			if k%6 == 4 {
				g.flagBy(msg.flags, members)
				g.res.FlaggedMessageIDs = append(g.res.FlaggedMessageIDs, msg.id)
			}
			ch.lastActivity = t
		}
	}
}
