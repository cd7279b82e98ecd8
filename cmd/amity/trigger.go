package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
)

const triggerUsage = `Usage: amity trigger [flags] EVENT
       amity trigger --list

Perform, on a running "amity mock", the API operations that make it send the webhook EVENT
(for instance v3.post.didFlag creates two users and a post, then one flags the other's post),
and report the signed delivery the mock made to its --webhook-url. Each run uses fresh users,
so a trigger can be repeated.

Flags:
`

// trigger is how one event is caused.
type trigger struct {
	event string
	does  string
	run   func(ctx context.Context, e *triggerEnv) error
}

func runTrigger(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("amity trigger", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), triggerUsage)
		fs.PrintDefaults()
	}
	mockURL := fs.String("mock", envOr("AMITY_MOCK_URL", "http://127.0.0.1:8080"), "the base `URL` of the running mock ($AMITY_MOCK_URL)")
	adminToken := fs.String("admin-token", "amitytest-admin-token", "the mock's admin `token`")
	apiKey := fs.String("api-key", "amitytest-api-key", "the mock's API `key`")
	list := fs.Bool("list", false, "list the events amity trigger can cause, and how")
	wait := fs.Duration("wait", 5*time.Second, "wait this long for the mock's delivery of the event (0: do not wait)")
	// Flags may follow the event too: amity trigger v3.post.didFlag --mock URL.
	var event string
	for {
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		if event != "" {
			fmt.Fprintf(stderr, "amity trigger: one EVENT only, got %q and %q\n", event, fs.Arg(0))
			return usageError{errors.New("one event only")}
		}
		event, args = fs.Arg(0), fs.Args()[1:]
	}
	if *list {
		for _, t := range triggers() {
			fmt.Fprintf(stdout, "%-40s %s\n", t.event, t.does)
		}
		return nil
	}
	if event == "" {
		fs.Usage()
		return usageError{errors.New("no event")}
	}
	var tr *trigger
	for _, t := range triggers() {
		if t.event == event {
			tr = &t
			break
		}
	}
	if tr == nil {
		return fmt.Errorf("no trigger for %q (amity trigger --list lists them)", event)
	}
	base := strings.TrimRight(*mockURL, "/")
	c, err := amity.NewClient(amity.WithBaseURL(base), amity.WithAdminToken(*adminToken), amity.WithAPIKey(*apiKey))
	if err != nil {
		return err
	}
	defer func() { _ = c.Close() }()
	e := &triggerEnv{admin: c, base: base, token: *adminToken, run: strconv.FormatInt(time.Now().UnixNano()%1e12, 36), http: &http.Client{Timeout: 10 * time.Second}}
	before, err := e.deliveries(ctx)
	if err != nil {
		return err
	}
	if err := tr.run(ctx, e); err != nil {
		return fmt.Errorf("%s: %w", event, err)
	}
	fmt.Fprintf(stdout, "triggered %s: %s\n", event, tr.does)
	if *wait <= 0 {
		return nil
	}
	deadline := time.Now().Add(*wait)
	for {
		after, err := e.deliveries(ctx)
		if err != nil {
			return err
		}
		for _, d := range after[min(len(before), len(after)):] {
			if d.Event == event {
				if d.Error != "" {
					return fmt.Errorf("the mock's delivery %d of %s failed: %s", d.Index, event, d.Error)
				}
				fmt.Fprintf(stdout, "delivered %s (delivery %d): receiver answered %d\n", event, d.Index, d.Status)
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no delivery of %s within %v: is the mock started with --webhook-url?", event, *wait)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// triggerEnv is what a trigger works with: the admin client, fresh users and the mock's
// admin endpoints.
type triggerEnv struct {
	admin *amity.Client
	base  string
	token string
	run   string // makes this run's user IDs unique
	http  *http.Client
}

// user returns a client acting as this run's user name.
func (e *triggerEnv) user(name string) (*amity.Client, string, error) {
	id := "trigger-" + e.run + "-" + name
	c, err := e.admin.AsUser(id)
	return c, id, err
}

// delivery is a webhook delivery as GET /_mock/webhooks lists it.
type delivery struct {
	Index  int    `json:"index"`
	Event  string `json:"event"`
	Status int    `json:"status"`
	Error  string `json:"error"`
}

// mockCall calls an admin endpoint of the mock and decodes its answer into out (if not nil).
func (e *triggerEnv) mockCall(ctx context.Context, method, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, e.base+amitytest.MockPrefix+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+e.token)
	resp, err := e.http.Do(req)
	if err != nil {
		return fmt.Errorf("is amity mock running at %s? %w", e.base, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		var eb struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(body, &eb)
		return fmt.Errorf("%s %s: %d %s", method, amitytest.MockPrefix+path, resp.StatusCode, eb.Message)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(body, out)
}

func (e *triggerEnv) deliveries(ctx context.Context) ([]delivery, error) {
	var out struct {
		Deliveries []delivery `json:"deliveries"`
	}
	err := e.mockCall(ctx, http.MethodGet, "webhooks", &out)
	return out.Deliveries, err
}

// post creates a text post of user name on its own feed.
func (e *triggerEnv) post(ctx context.Context, name string) (*amity.Client, string, error) {
	c, id, err := e.user(name)
	if err != nil {
		return nil, "", err
	}
	p, err := c.Posts.Create(ctx, &amity.CreatePostParams{TargetType: amity.PostTargetUser, TargetID: id, Data: &amity.CreatePostData{Text: "posted by amity trigger"}})
	if err != nil {
		return nil, "", err
	}
	return c, p.Post().PostID, nil
}

// flaggedPost creates alice's post and has bob flag it.
func (e *triggerEnv) flaggedPost(ctx context.Context) (*amity.Client, string, error) {
	_, postID, err := e.post(ctx, "alice")
	if err != nil {
		return nil, "", err
	}
	bob, _, err := e.user("bob")
	if err != nil {
		return nil, "", err
	}
	_, err = bob.Posts.Flag(ctx, postID, nil)
	return bob, postID, err
}

// comment creates bob's comment on alice's post.
func (e *triggerEnv) comment(ctx context.Context) (*amity.Client, string, error) {
	_, postID, err := e.post(ctx, "alice")
	if err != nil {
		return nil, "", err
	}
	bob, _, err := e.user("bob")
	if err != nil {
		return nil, "", err
	}
	cm, err := bob.Comments.Create(ctx, &amity.CreateCommentParams{ReferenceID: postID, Data: &amity.CommentDataParams{Text: "a comment by amity trigger"}})
	if err != nil {
		return nil, "", err
	}
	return bob, cm.Comment().CommentID, nil
}

// community creates a public community (the admin's) with the given settings.
func (e *triggerEnv) community(ctx context.Context, p *amity.CreateCommunityParams) (string, error) {
	p.DisplayName = "amity trigger " + e.run
	cm, err := e.admin.Communities.Create(ctx, p)
	if err != nil {
		return "", err
	}
	return cm.Community().CommunityID, nil
}

// members adds this run's user name to a new community.
func (e *triggerEnv) members(ctx context.Context, name string) (communityID, userID string, err error) {
	if communityID, err = e.community(ctx, &amity.CreateCommunityParams{}); err != nil {
		return "", "", err
	}
	c, userID, err := e.user(name)
	if err != nil {
		return "", "", err
	}
	if _, err := c.Users.Get(ctx, userID); err != nil { // registers the user
		return "", "", err
	}
	_, err = e.admin.Communities.AddMembers(ctx, communityID, &amity.CommunityMembersParams{UserIDs: []string{userID}})
	return communityID, userID, err
}

// channel creates a community channel of alice's and returns alice's client and the channel.
func (e *triggerEnv) channel(ctx context.Context) (*amity.Client, *amity.Channel, error) {
	alice, _, err := e.user("alice")
	if err != nil {
		return nil, nil, err
	}
	ch, err := alice.Channels.Create(ctx, &amity.CreateChannelParams{Type: amity.ChannelTypeCommunity, DisplayName: "amity trigger " + e.run})
	if err != nil {
		return nil, nil, err
	}
	return alice, ch.Channel(), nil
}

// message sends alice's text message in a new channel.
func (e *triggerEnv) message(ctx context.Context) (*amity.Client, string, error) {
	alice, ch, err := e.channel(ctx)
	if err != nil {
		return nil, "", err
	}
	m, err := alice.Messages.Create(ctx, &amity.CreateMessageParams{
		MessageFeedID: ch.ChannelInternalID, ReferenceID: "trigger-" + e.run, DataType: amity.MessageDataTypeText,
		Data: map[string]any{"text": "sent by amity trigger"},
	})
	if err != nil {
		return nil, "", err
	}
	return alice, m.Message().MessageID, nil
}

// poll creates alice's poll.
func (e *triggerEnv) poll(ctx context.Context) (*amity.Client, *amity.Poll, error) {
	alice, _, err := e.user("alice")
	if err != nil {
		return nil, nil, err
	}
	p, err := alice.Polls.Create(ctx, &amity.CreatePollParams{Question: "Which day?", Answers: []amity.PollAnswerParams{{Data: "Saturday"}, {Data: "Sunday"}}})
	if err != nil {
		return nil, nil, err
	}
	return alice, p.Poll(), nil
}

// stream creates alice's stream and, when live, starts it through the mock.
func (e *triggerEnv) stream(ctx context.Context, live bool) (*amity.Client, string, error) {
	alice, _, err := e.user("alice")
	if err != nil {
		return nil, "", err
	}
	s, err := alice.Streams.Create(ctx, &amity.CreateStreamParams{Title: "amity trigger " + e.run})
	if err != nil {
		return nil, "", err
	}
	id := s.Stream().StreamID
	if live {
		err = e.mockCall(ctx, http.MethodPost, "streams/"+id+"/start", nil)
	}
	return alice, id, err
}

// follow makes bob follow alice.
func (e *triggerEnv) follow(ctx context.Context) (alice, bob *amity.Client, aliceID, bobID string, err error) {
	if alice, aliceID, err = e.user("alice"); err != nil {
		return
	}
	if _, err = alice.Users.Get(ctx, aliceID); err != nil { // registers alice
		return
	}
	if bob, bobID, err = e.user("bob"); err != nil {
		return
	}
	_, err = bob.Follows.Follow(ctx, aliceID)
	return
}

// followRequest makes bob ask to follow alice: follow approval is turned on for the follow
// and off again after it.
func (e *triggerEnv) followRequest(ctx context.Context) (alice, bob *amity.Client, aliceID, bobID string, err error) {
	if err = e.mockCall(ctx, http.MethodPost, "follow-approval?required=true", nil); err != nil {
		return
	}
	alice, bob, aliceID, bobID, err = e.follow(ctx)
	if offErr := e.mockCall(ctx, http.MethodPost, "follow-approval?required=false", nil); err == nil {
		err = offErr
	}
	return
}

// invitation has the admin invite bob to a new community.
func (e *triggerEnv) invitation(ctx context.Context) (*amity.Client, string, error) {
	communityID, err := e.community(ctx, &amity.CreateCommunityParams{})
	if err != nil {
		return nil, "", err
	}
	bob, bobID, err := e.user("bob")
	if err != nil {
		return nil, "", err
	}
	if _, err := bob.Users.Get(ctx, bobID); err != nil {
		return nil, "", err
	}
	inv, err := e.admin.Invitations.Create(ctx, &amity.CreateInvitationsParams{
		Type: amity.InvitationCommunityMember, TargetType: amity.InvitationTargetCommunity, TargetID: communityID, UserIDs: []string{bobID},
	})
	if err != nil {
		return nil, "", err
	}
	i := inv.Invitation()
	if i == nil {
		return nil, "", errors.New("the invitation answer has no invitation")
	}
	id := i.InvitationID
	if id == "" {
		id = i.ID
	}
	return bob, id, nil
}

// joinRequest has bob ask to join a community that requires approval.
func (e *triggerEnv) joinRequest(ctx context.Context) (communityID, bobID string, err error) {
	yes := true
	if communityID, err = e.community(ctx, &amity.CreateCommunityParams{RequiresJoinApproval: &yes}); err != nil {
		return
	}
	bob, bobID, err := e.user("bob")
	if err != nil {
		return
	}
	_, err = bob.Communities.CreateJoinRequest(ctx, communityID)
	return
}

func ignore[T any](_ T, err error) error { return err }

func ignore2[T, U any](_ T, _ U, err error) error { return err }

// triggers lists what amity trigger can cause, by event name.
func triggers() []trigger {
	ts := []trigger{
		{"v3.post.didCreate", "alice posts on her feed", func(ctx context.Context, e *triggerEnv) error {
			return ignore2(e.post(ctx, "alice"))
		}},
		{"v3.post.didUpdate", "alice posts, then edits the post", func(ctx context.Context, e *triggerEnv) error {
			c, id, err := e.post(ctx, "alice")
			if err != nil {
				return err
			}
			text := "edited by amity trigger"
			return ignore(c.Posts.Update(ctx, id, &amity.UpdatePostParams{Data: &amity.UpdatePostData{Text: &text}}))
		}},
		{"v3.post.didDelete", "alice posts, then deletes the post", func(ctx context.Context, e *triggerEnv) error {
			c, id, err := e.post(ctx, "alice")
			if err != nil {
				return err
			}
			return c.Posts.Delete(ctx, id, nil)
		}},
		{"v3.post.didFlag", "alice posts, bob flags the post", func(ctx context.Context, e *triggerEnv) error {
			return ignore2(e.flaggedPost(ctx))
		}},
		{"v3.post.didUnflag", "alice posts, bob flags then unflags the post", func(ctx context.Context, e *triggerEnv) error {
			bob, id, err := e.flaggedPost(ctx)
			if err != nil {
				return err
			}
			return ignore(bob.Posts.Unflag(ctx, id))
		}},
		{"v3.post.didApprove", "bob posts in a community that reviews posts, the admin approves it", func(ctx context.Context, e *triggerEnv) error {
			id, err := e.reviewedPost(ctx)
			if err != nil {
				return err
			}
			return ignore(e.admin.Posts.Approve(ctx, id))
		}},
		{"v3.post.didDecline", "bob posts in a community that reviews posts, the admin declines it", func(ctx context.Context, e *triggerEnv) error {
			id, err := e.reviewedPost(ctx)
			if err != nil {
				return err
			}
			return ignore(e.admin.Posts.Decline(ctx, id))
		}},
		{"v3.comment.didCreate", "alice posts, bob comments", func(ctx context.Context, e *triggerEnv) error {
			return ignore2(e.comment(ctx))
		}},
		{"v3.comment.didReply", "alice posts, bob comments and replies to his comment", func(ctx context.Context, e *triggerEnv) error {
			bob, id, err := e.comment(ctx)
			if err != nil {
				return err
			}
			cm, err := bob.Comments.Get(ctx, id)
			if err != nil {
				return err
			}
			return ignore(bob.Comments.Create(ctx, &amity.CreateCommentParams{ReferenceID: cm.Comment().ReferenceID, ParentID: id, Data: &amity.CommentDataParams{Text: "a reply"}}))
		}},
		{"v3.community.didJoin", "bob joins a public community", func(ctx context.Context, e *triggerEnv) error {
			id, err := e.community(ctx, &amity.CreateCommunityParams{})
			if err != nil {
				return err
			}
			bob, _, err := e.user("bob")
			if err != nil {
				return err
			}
			return ignore(bob.Communities.Join(ctx, id))
		}},
		{"v3.community.didLeave", "bob is added to a community, then leaves it", func(ctx context.Context, e *triggerEnv) error {
			id, _, err := e.members(ctx, "bob")
			if err != nil {
				return err
			}
			bob, _, err := e.user("bob")
			if err != nil {
				return err
			}
			return ignore(bob.Communities.Leave(ctx, id))
		}},
		{"v3.community.didAddUsers", "the admin adds bob to a community", func(ctx context.Context, e *triggerEnv) error {
			_, _, err := e.members(ctx, "bob")
			return err
		}},
		{"v3.community.didRemoveUsers", "the admin adds bob to a community, then removes him", func(ctx context.Context, e *triggerEnv) error {
			id, bobID, err := e.members(ctx, "bob")
			if err != nil {
				return err
			}
			return ignore(e.admin.Communities.RemoveMembers(ctx, id, &amity.CommunityMembersParams{UserIDs: []string{bobID}}))
		}},
		{"v3.community.didBan", "the admin bans bob from a community", func(ctx context.Context, e *triggerEnv) error {
			id, bobID, err := e.members(ctx, "bob")
			if err != nil {
				return err
			}
			return ignore(e.admin.Communities.BanMembers(ctx, id, &amity.CommunityMembersParams{UserIDs: []string{bobID}}))
		}},
		{"v3.community.didUnban", "the admin bans bob from a community, then unbans him", func(ctx context.Context, e *triggerEnv) error {
			id, bobID, err := e.members(ctx, "bob")
			if err != nil {
				return err
			}
			if _, err := e.admin.Communities.BanMembers(ctx, id, &amity.CommunityMembersParams{UserIDs: []string{bobID}}); err != nil {
				return err
			}
			return ignore(e.admin.Communities.UnbanMembers(ctx, id, &amity.CommunityMembersParams{UserIDs: []string{bobID}}))
		}},
		{"channel.didCreate", "alice creates a community channel", func(ctx context.Context, e *triggerEnv) error {
			_, _, err := e.channel(ctx)
			return err
		}},
		{"channel.didJoin", "alice creates a channel, bob joins it", func(ctx context.Context, e *triggerEnv) error {
			_, ch, err := e.channel(ctx)
			if err != nil {
				return err
			}
			bob, _, err := e.user("bob")
			if err != nil {
				return err
			}
			return ignore(bob.Channels.Join(ctx, ch.ChannelID))
		}},
		{"channel.didLeave", "alice creates a channel, bob joins then leaves it", func(ctx context.Context, e *triggerEnv) error {
			_, ch, err := e.channel(ctx)
			if err != nil {
				return err
			}
			bob, _, err := e.user("bob")
			if err != nil {
				return err
			}
			if _, err := bob.Channels.Join(ctx, ch.ChannelID); err != nil {
				return err
			}
			return ignore(bob.Channels.Leave(ctx, ch.ChannelID))
		}},
		{"message.didCreate", "alice sends a message in a new channel", func(ctx context.Context, e *triggerEnv) error {
			return ignore2(e.message(ctx))
		}},
		{"message.didUpdate", "alice sends a message, then edits it", func(ctx context.Context, e *triggerEnv) error {
			alice, id, err := e.message(ctx)
			if err != nil {
				return err
			}
			return ignore(alice.Messages.Update(ctx, id, &amity.UpdateMessageParams{Data: map[string]any{"text": "edited by amity trigger"}}))
		}},
		{"message.didFlag", "alice sends a message, the admin flags it", func(ctx context.Context, e *triggerEnv) error {
			_, id, err := e.message(ctx)
			if err != nil {
				return err
			}
			return ignore(e.admin.Messages.Flag(ctx, id))
		}},
		{"message.didUnflag", "alice sends a message, the admin flags then unflags it", func(ctx context.Context, e *triggerEnv) error {
			_, id, err := e.message(ctx)
			if err != nil {
				return err
			}
			if _, err := e.admin.Messages.Flag(ctx, id); err != nil {
				return err
			}
			return ignore(e.admin.Messages.Unflag(ctx, id))
		}},
		{"user.didCreate", "a new user registers a session", func(ctx context.Context, e *triggerEnv) error {
			c, id, err := e.user("carol")
			if err != nil {
				return err
			}
			return ignore(c.Users.Get(ctx, id))
		}},
		{"user.didFlag", "bob flags alice", func(ctx context.Context, e *triggerEnv) error {
			_, bob, aliceID, err := e.pair(ctx)
			if err != nil {
				return err
			}
			return ignore(bob.Users.Flag(ctx, aliceID, nil))
		}},
		{"user.didUnflag", "bob flags alice, then unflags her", func(ctx context.Context, e *triggerEnv) error {
			_, bob, aliceID, err := e.pair(ctx)
			if err != nil {
				return err
			}
			if _, err := bob.Users.Flag(ctx, aliceID, nil); err != nil {
				return err
			}
			return ignore(bob.Users.Unflag(ctx, aliceID))
		}},
		{"user.didBlock", "bob blocks alice", func(ctx context.Context, e *triggerEnv) error {
			_, bob, aliceID, err := e.pair(ctx)
			if err != nil {
				return err
			}
			return ignore(bob.Users.Block(ctx, aliceID))
		}},
		{"user.didUnblock", "bob blocks alice, then unblocks her", func(ctx context.Context, e *triggerEnv) error {
			_, bob, aliceID, err := e.pair(ctx)
			if err != nil {
				return err
			}
			if _, err := bob.Users.Block(ctx, aliceID); err != nil {
				return err
			}
			return ignore(bob.Users.Unblock(ctx, aliceID))
		}},
		{"moderation.didBan", "the admin bans alice globally", func(ctx context.Context, e *triggerEnv) error {
			alice, aliceID, err := e.user("alice")
			if err != nil {
				return err
			}
			if _, err := alice.Users.Get(ctx, aliceID); err != nil {
				return err
			}
			return e.admin.Users.Ban(ctx, aliceID)
		}},
		{"follow.didCreate", "bob follows alice", func(ctx context.Context, e *triggerEnv) error {
			_, _, _, _, err := e.follow(ctx)
			return err
		}},
		{"follow.didUnfollow", "bob follows alice, then unfollows her", func(ctx context.Context, e *triggerEnv) error {
			_, bob, aliceID, _, err := e.follow(ctx)
			if err != nil {
				return err
			}
			return ignore(bob.Follows.Unfollow(ctx, aliceID))
		}},
		{"follow.didDeleteFollower", "bob follows alice, alice removes him from her followers", func(ctx context.Context, e *triggerEnv) error {
			alice, _, _, bobID, err := e.follow(ctx)
			if err != nil {
				return err
			}
			return ignore(alice.Follows.RemoveFollower(ctx, bobID))
		}},
		{"follow.didRequest", "with follow approval on (POST /_mock/follow-approval), bob asks to follow alice", func(ctx context.Context, e *triggerEnv) error {
			_, _, _, _, err := e.followRequest(ctx)
			return err
		}},
		{"follow.didAcceptRequest", "bob asks to follow alice, she accepts", func(ctx context.Context, e *triggerEnv) error {
			alice, _, _, bobID, err := e.followRequest(ctx)
			if err != nil {
				return err
			}
			return ignore(alice.Follows.Accept(ctx, bobID))
		}},
		{"follow.didCancelRequest", "bob asks to follow alice, then cancels his request", func(ctx context.Context, e *triggerEnv) error {
			_, bob, aliceID, _, err := e.followRequest(ctx)
			if err != nil {
				return err
			}
			return ignore(bob.Follows.Unfollow(ctx, aliceID))
		}},
		{"follow.didDeclineRequest", "bob asks to follow alice, she declines", func(ctx context.Context, e *triggerEnv) error {
			alice, _, _, bobID, err := e.followRequest(ctx)
			if err != nil {
				return err
			}
			return ignore(alice.Follows.RemoveFollower(ctx, bobID))
		}},
		{"poll.didCreate", "alice creates a poll", func(ctx context.Context, e *triggerEnv) error {
			_, _, err := e.poll(ctx)
			return err
		}},
		{"poll.didVote", "alice creates a poll and votes", func(ctx context.Context, e *triggerEnv) error {
			alice, p, err := e.poll(ctx)
			if err != nil {
				return err
			}
			return ignore(alice.Polls.Vote(ctx, p.PollID, &amity.VotePollParams{AnswerIDs: []string{p.Answers[0].ID}}))
		}},
		{"poll.didUpdate", "alice creates a poll and closes it", func(ctx context.Context, e *triggerEnv) error {
			alice, p, err := e.poll(ctx)
			if err != nil {
				return err
			}
			return ignore(alice.Polls.Close(ctx, p.PollID))
		}},
		{"video-streaming.didStart", "alice creates a stream, the mock starts it (POST /_mock/streams/{id}/start)", func(ctx context.Context, e *triggerEnv) error {
			_, _, err := e.stream(ctx, true)
			return err
		}},
		{"video-streaming.didStop", "alice's stream goes live, then she ends it", func(ctx context.Context, e *triggerEnv) error {
			alice, id, err := e.stream(ctx, true)
			if err != nil {
				return err
			}
			return ignore(alice.Streams.DisposeURL(ctx, id))
		}},
		{"video-streaming.didRecord", "alice's stream goes live and ends, the mock records it", func(ctx context.Context, e *triggerEnv) error {
			alice, id, err := e.stream(ctx, true)
			if err != nil {
				return err
			}
			if _, err := alice.Streams.DisposeURL(ctx, id); err != nil {
				return err
			}
			return e.mockCall(ctx, http.MethodPost, "streams/"+id+"/record", nil)
		}},
		{"file.didDelete", "alice uploads a file, then deletes it", func(ctx context.Context, e *triggerEnv) error {
			alice, _, err := e.user("alice")
			if err != nil {
				return err
			}
			f, err := alice.Files.UploadFile(ctx, &amity.UploadParams{Name: "trigger.txt", ContentType: "text/plain", Body: strings.NewReader("amity trigger")})
			if err != nil {
				return err
			}
			return alice.Files.Delete(ctx, f.File().FileID)
		}},
		{"v3.communityJoinRequest.didCreate", "bob asks to join a community that requires approval", func(ctx context.Context, e *triggerEnv) error {
			_, _, err := e.joinRequest(ctx)
			return err
		}},
		{"v3.communityJoinRequest.didAccept", "bob asks to join a community, the admin approves", func(ctx context.Context, e *triggerEnv) error {
			id, bobID, err := e.joinRequest(ctx)
			if err != nil {
				return err
			}
			return e.admin.Communities.ApproveJoinRequest(ctx, id, &amity.CommunityJoinRequestParams{UserID: bobID})
		}},
		{"v3.communityJoinRequest.didReject", "bob asks to join a community, the admin rejects", func(ctx context.Context, e *triggerEnv) error {
			id, bobID, err := e.joinRequest(ctx)
			if err != nil {
				return err
			}
			return e.admin.Communities.RejectJoinRequest(ctx, id, &amity.CommunityJoinRequestParams{UserID: bobID})
		}},
		{"v3.communityMemberInvitation.didCreate", "the admin invites bob to a community", func(ctx context.Context, e *triggerEnv) error {
			return ignore2(e.invitation(ctx))
		}},
		{"v3.communityMemberInvitation.didAccept", "the admin invites bob to a community, bob accepts", func(ctx context.Context, e *triggerEnv) error {
			bob, id, err := e.invitation(ctx)
			if err != nil {
				return err
			}
			return bob.Invitations.Accept(ctx, id)
		}},
		{"v3.communityMemberInvitation.didReject", "the admin invites bob to a community, bob rejects", func(ctx context.Context, e *triggerEnv) error {
			bob, id, err := e.invitation(ctx)
			if err != nil {
				return err
			}
			return bob.Invitations.Reject(ctx, id)
		}},
	}
	sort.SliceStable(ts, func(i, j int) bool { return family(ts[i].event) < family(ts[j].event) })
	return ts
}

// family is an event's name without its last part ("v3.post" for "v3.post.didFlag").
func family(event string) string {
	if i := strings.LastIndex(event, "."); i >= 0 {
		return event[:i]
	}
	return event
}

// pair registers alice and bob.
func (e *triggerEnv) pair(ctx context.Context) (alice, bob *amity.Client, aliceID string, err error) {
	if alice, aliceID, err = e.user("alice"); err != nil {
		return
	}
	if _, err = alice.Users.Get(ctx, aliceID); err != nil {
		return
	}
	bob, _, err = e.user("bob")
	return
}

// reviewedPost has member bob post in a community that reviews posts; the post waits for review.
func (e *triggerEnv) reviewedPost(ctx context.Context) (string, error) {
	yes := true
	id, err := e.community(ctx, &amity.CreateCommunityParams{NeedApprovalOnPostCreation: &yes})
	if err != nil {
		return "", err
	}
	bob, bobID, err := e.user("bob")
	if err != nil {
		return "", err
	}
	if _, err := bob.Users.Get(ctx, bobID); err != nil {
		return "", err
	}
	if _, err := e.admin.Communities.AddMembers(ctx, id, &amity.CommunityMembersParams{UserIDs: []string{bobID}}); err != nil {
		return "", err
	}
	p, err := bob.Posts.Create(ctx, &amity.CreatePostParams{TargetType: amity.PostTargetCommunity, TargetID: id, Data: &amity.CreatePostData{Text: "waiting for review"}})
	if err != nil {
		return "", err
	}
	return p.Post().PostID, nil
}
