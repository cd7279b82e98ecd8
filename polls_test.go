package amity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPollsCreate(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v3/polls", fixture(t, "polls_poll.json"), 503, 200)
	params := &amity.CreatePollParams{
		Question:   "Where do we go for lunch?",
		Answers:    []amity.PollAnswerParams{{Data: "Pizza place"}, {DataType: amity.PollDataTypeText, Data: "Salad bar"}},
		AnswerType: amity.PollAnswerSingle,
		ClosedIn:   amity.Ptr(int64(86400000)),
	}
	_, err := c.Polls.Create(context.Background(), params)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "creating a poll is not retried after a 503")
	assert.Len(t, rec.all(), 1)

	out, err := c.Polls.Create(context.Background(), params)
	require.NoError(t, err)
	assert.JSONEq(t, `{"question":"Where do we go for lunch?","answers":[{"dataType":"text","data":"Pizza place"},{"dataType":"text","data":"Salad bar"}],
		"answerType":"single","closedIn":86400000}`, rec.last(t).Body, "an empty answer data type is sent as text; unset fields are not sent")

	p := out.Poll()
	require.NotNil(t, p)
	assert.Equal(t, "poll-lunch-42", p.PollID)
	assert.Equal(t, "Where do we go for lunch?", p.Question)
	assert.Equal(t, amity.PollAnswerSingle, p.AnswerType)
	assert.Equal(t, amity.PollStatusOpen, p.Status)
	assert.True(t, p.IsVoted)
	assert.EqualValues(t, 86400000, p.ClosedIn)
	assert.Equal(t, atTime(t, "2024-05-02T12:00:00.000Z"), p.ClosedAt)
	require.Len(t, p.Answers, 3)
	assert.Equal(t, amity.PollAnswer{ID: "ans-pizza", DataType: amity.PollDataTypeText, Data: "Pizza place", VoteCount: 3, IsVotedByUser: true}, p.Answers[0])
	assert.Equal(t, "Ramen", p.Answer("ans-ramen").Data)
	assert.Nil(t, p.Answer("nope"))
	assert.Contains(t, string(out.Raw), "pollFutureField", "unknown fields stay reachable in the payload's Raw")
	creator := out.Creator(p)
	require.NotNil(t, creator)
	assert.Equal(t, "Alice", creator.DisplayName)
	assert.Nil(t, out.UserByID("nobody"))
	assert.Equal(t, "Alice", out.UserByID("alice").DisplayName)
	assert.Nil(t, out.Creator(nil))
}

func TestPollsGetCloseDelete(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("GET", "/api/v3/polls/poll-lunch-42", fixture(t, "polls_poll.json"))
	rec.route("PUT", "/api/v3/polls/poll-lunch-42", strings.Replace(fixture(t, "polls_poll.json"), `"status": "open"`, `"status": "closed"`, 1), 502, 200)
	rec.route("DELETE", "/api/v3/polls/poll-lunch-42", `{"status":"success","data":{"success":true}}`)

	got, err := c.Polls.Get(ctx, "poll-lunch-42")
	require.NoError(t, err)
	assert.Equal(t, "GET", rec.last(t).Method)
	assert.Equal(t, 3, got.Poll().Answers[0].VoteCount)

	n := len(rec.all())
	closed, err := c.Polls.Close(ctx, "poll-lunch-42")
	require.NoError(t, err)
	assert.Len(t, rec.all(), n+2, "closing sets a state: retried after a 502")
	assert.JSONEq(t, `{"status":"closed"}`, rec.last(t).Body)
	assert.Equal(t, amity.PollStatusClosed, closed.Poll().Status)

	require.NoError(t, c.Polls.Delete(ctx, "poll-lunch-42"))
	assert.Equal(t, "DELETE", rec.last(t).Method)
	assert.Empty(t, rec.last(t).Body)
}

func TestPollsGetNotFound(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", "https://api.test/api/v3/polls/gone",
		jsonResponder(404, `{"status":"error","code":400400,"message":"Poll not found."}`))
	_, err := c.Polls.Get(context.Background(), "gone")
	assert.ErrorIs(t, err, amity.ErrNotFound)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "Poll not found.", ae.Message)
	assert.Equal(t, "/api/v3/polls/gone", ae.Path)
}

func TestPollsVoteAsUser(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("POST", "/api/v3/polls/poll-lunch-42/votes", fixture(t, "polls_poll.json"))
	out, err := u.Polls.Vote(ctx, "poll-lunch-42", &amity.VotePollParams{AnswerIDs: []string{"ans-pizza"}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"answerIds":["ans-pizza"]}`, rec.last(t).Body)
	assert.Equal(t, "Bearer user-tok", rec.last(t).Header.Get("Authorization"), "the vote is the user's")
	assert.True(t, out.Poll().Answers[0].IsVotedByUser)

	rec2 := record(t, mt, "POST", "/api/v3/polls/p2/votes", "", 502, 200)
	_, err = u.Polls.Vote(ctx, "p2", &amity.VotePollParams{AnswerIDs: []string{"a1", "a2"}})
	require.Error(t, err)
	assert.Len(t, rec2.all(), 1, "a vote is never repeated")
}

func TestPollsListVoters(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "polls_voters_page1.json"), fixture(t, "polls_voters_page2.json")
	listing := recordPages(t, mt, "/api/v3/polls/poll-lunch-42/answers/ans-pizza", "options[token]", "voters-2", p1, p2)
	ctx := context.Background()
	params := &amity.ListPollVotersParams{PageParams: amity.PageParams{Limit: 2}, SortBy: amity.PollVoterSortFirstCreated}
	var voters []string
	for v, err := range c.Polls.ListVoters(ctx, "poll-lunch-42", "ans-pizza", params) {
		require.NoError(t, err)
		require.NotNil(t, v.User, "each vote carries its voter")
		voters = append(voters, v.User.DisplayName)
		assert.Equal(t, []string{"ans-pizza"}, v.AnswerIDs)
	}
	assert.Equal(t, []string{"Bob", "Carol", "Dave"}, voters)
	assert.Equal(t, []string{
		"options%5Blimit%5D=2&sortBy=firstCreated",
		"options%5Blimit%5D=2&options%5Btoken%5D=voters-2&sortBy=firstCreated",
	}, listing.queries())

	page, err := c.Polls.ListVotersPage(ctx, "poll-lunch-42", "ans-pizza", &amity.ListPollVotersParams{Before: "65a0c0ffee", After: "659f"})
	require.NoError(t, err)
	assert.Equal(t, "options%5Bafter%5D=659f&options%5Bbefore%5D=65a0c0ffee", listing.queries()[len(listing.all())-1])
	assert.Equal(t, "voters-2", page.Paging.Next)
	assert.Equal(t, "poll-lunch-42", page.Poll().PollID)
	require.Len(t, page.UsersAnswered, 2)
	assert.Equal(t, atTime(t, "2024-05-01T12:05:00.000Z"), page.UsersAnswered[0].CreatedAt)
	assert.Equal(t, "Carol", page.UserByID("carol").DisplayName)
	assert.Equal(t, "Carol", page.Voter(&page.UsersAnswered[1]).DisplayName)
	assert.Nil(t, page.Voter(nil))
}

// TestPollsUnknownEnumsAreSent: an answer type, answer data type or order the SDK does not
// know is sent as given.
func TestPollsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"create", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Polls.Create(ctx, &amity.CreatePollParams{Question: "q", AnswerType: "ranked",
				Answers: []amity.PollAnswerParams{{Data: "a", DataType: "image"}, {Data: "b"}}}))
		}, []string{`"answerType":"ranked"`, `"dataType":"image"`}},
		{"voters sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Polls.ListVotersPage(ctx, "p", "a", &amity.ListPollVotersParams{SortBy: "loudest"}))
		}, []string{"loudest"}},
	})
}

func TestPollsBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	two := []amity.PollAnswerParams{{Data: "a"}, {Data: "b"}}
	eleven := make([]amity.PollAnswerParams, 11)
	for i := range eleven {
		eleven[i] = amity.PollAnswerParams{Data: "x"}
	}
	create := func(p *amity.CreatePollParams) func() error {
		return func() error { return errOf(c.Polls.Create(ctx, p)) }
	}
	cases := map[string]invalidCase{
		"nil":             {"params", create(nil)},
		"no question":     {"Question", create(&amity.CreatePollParams{Answers: two})},
		"one answer":      {"Answers", create(&amity.CreatePollParams{Question: "q", Answers: two[:1]})},
		"eleven answers":  {"Answers", create(&amity.CreatePollParams{Question: "q", Answers: eleven})},
		"empty answer":    {"Answers[1].Data", create(&amity.CreatePollParams{Question: "q", Answers: []amity.PollAnswerParams{{Data: "a"}, {Data: " "}}})},
		"closedIn zero":   {"ClosedIn", create(&amity.CreatePollParams{Question: "q", Answers: two, ClosedIn: amity.Ptr(int64(0))})},
		"get empty":       {"pollID", func() error { return errOf(c.Polls.Get(ctx, "")) }},
		"get long":        {"pollID", func() error { return errOf(c.Polls.Get(ctx, strings.Repeat("p", 901))) }},
		"close dot":       {"pollID", func() error { return errOf(c.Polls.Close(ctx, "..")) }},
		"delete blank":    {"pollID", func() error { return c.Polls.Delete(ctx, " ") }},
		"vote no poll":    {"pollID", func() error { return errOf(c.Polls.Vote(ctx, "", &amity.VotePollParams{AnswerIDs: []string{"a"}})) }},
		"vote nil params": {"params", func() error { return errOf(c.Polls.Vote(ctx, "p", nil)) }},
		"vote no answer":  {"AnswerIDs", func() error { return errOf(c.Polls.Vote(ctx, "p", &amity.VotePollParams{})) }},
		"vote blank": {"AnswerIDs", func() error {
			return errOf(c.Polls.Vote(ctx, "p", &amity.VotePollParams{AnswerIDs: []string{"a", ""}}))
		}},
		"vote eleven": {"AnswerIDs", func() error {
			return errOf(c.Polls.Vote(ctx, "p", &amity.VotePollParams{AnswerIDs: strings.Split("a b c d e f g h i j k", " ")}))
		}},
		"voters no answer": {"answerID", func() error { return errOf(c.Polls.ListVotersPage(ctx, "p", "", nil)) }},
		"voters before": {"Before", func() error {
			return errOf(c.Polls.ListVotersPage(ctx, "p", "a", &amity.ListPollVotersParams{Before: strings.Repeat("b", 25)}))
		}},
		"voters token": {"PageToken", func() error {
			return errOf(c.Polls.ListVotersPage(ctx, "p", "a", &amity.ListPollVotersParams{PageParams: amity.PageParams{PageToken: strings.Repeat("t", 1001)}}))
		}},
		"voters limit": {"Limit", func() error {
			return errOf(c.Polls.ListVotersPage(ctx, "p", "a", &amity.ListPollVotersParams{PageParams: amity.PageParams{Limit: 101}}))
		}},
	}
	assertInvalidCases(t, cases)
	for range c.Polls.ListVoters(ctx, "", "a", nil) {
	}
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestPollsShape(t *testing.T) {
	poll := fixture(t, "polls_poll.json")
	voters := fixture(t, "polls_voters_page1.json")
	const empty = `{"polls":[],"users":[]}`
	type fn = func(context.Context, *amity.Client) error
	checkPoll := func(t *testing.T, out any) {
		p := out.(*amity.PollPayload)
		require.NotNil(t, p.Poll())
		assert.Equal(t, "poll-lunch-42", p.Poll().PollID)
		assert.Equal(t, "Alice", p.Creator(p.Poll()).DisplayName, "sideloads kept")
	}
	listed := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.PollVote:
			require.NotNil(t, v.User)
			assert.Equal(t, "Bob", v.User.DisplayName)
		case *amity.PollVotersPayload:
			assert.Equal(t, "voters-2", v.Paging.Next)
			assert.Equal(t, "Bob", v.Voter(&v.UsersAnswered[0]).DisplayName)
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	badID := func(f func(ctx context.Context, c *amity.Client, id string) error) []fn {
		var out []fn
		for _, id := range []string{"", " ", "..", strings.Repeat("p", 901)} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
		}
		return out
	}
	badVoters := func(f func(ctx context.Context, c *amity.Client, pollID, answerID string) error) []fn {
		return []fn{
			func(ctx context.Context, c *amity.Client) error { return f(ctx, c, "", "a") },
			func(ctx context.Context, c *amity.Client) error { return f(ctx, c, "p", "..") },
			func(ctx context.Context, c *amity.Client) error { return f(ctx, c, "p", strings.Repeat("a", 901)) },
		}
	}
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v3/polls", body: `{"question":"Lunch?","answers":[{"dataType":"text","data":"A"},{"dataType":"text","data":"B"}]}`,
			answer: poll, empty: empty, check: checkPoll,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Polls.Create(ctx, &amity.CreatePollParams{Question: "Lunch?", Answers: []amity.PollAnswerParams{{Data: "A"}, {Data: "B"}}})
			},
			invalid: []fn{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Polls.Create(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Polls.Create(ctx, &amity.CreatePollParams{Question: "q"}))
				},
			}},
		{name: "Get", method: "GET", path: "/api/v3/polls/poll-lunch-42", answer: poll, empty: empty, check: checkPoll,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Polls.Get(ctx, "poll-lunch-42") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Polls.Get(ctx, id)) })},
		{name: "Close", method: "PUT", path: "/api/v3/polls/poll-lunch-42", body: `{"status":"closed"}`, answer: poll, empty: empty, check: checkPoll,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Polls.Close(ctx, "poll-lunch-42") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Polls.Close(ctx, id)) })},
		{name: "Delete", method: "DELETE", path: "/api/v3/polls/poll-lunch-42", answer: `{"status":"success","data":{"success":true}}`, unsuccessful: successFalse,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Polls.Delete(ctx, "poll-lunch-42"))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return c.Polls.Delete(ctx, id) })},
		{name: "Vote", method: "POST", path: "/api/v3/polls/poll-lunch-42/votes", body: `{"answerIds":["ans-pizza","ans-ramen"]}`,
			answer: poll, empty: empty, check: checkPoll,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Polls.Vote(ctx, "poll-lunch-42", &amity.VotePollParams{AnswerIDs: []string{"ans-pizza", "ans-ramen"}})
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Polls.Vote(ctx, id, &amity.VotePollParams{AnswerIDs: []string{"a"}}))
			}), func(ctx context.Context, c *amity.Client) error { return errOf(c.Polls.Vote(ctx, "p", nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Polls.Vote(ctx, "p", &amity.VotePollParams{}))
				})},
		{name: "ListVoters", method: "GET", path: "/api/v3/polls/poll-lunch-42/answers/ans-pizza", answer: voters, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Polls.ListVoters(ctx, "poll-lunch-42", "ans-pizza", nil))
			},
			invalid: badVoters(func(ctx context.Context, c *amity.Client, pollID, answerID string) error {
				return errOf(first(c.Polls.ListVoters(ctx, pollID, answerID, nil)))
			})},
		{name: "ListVotersPages", method: "GET", path: "/api/v3/polls/poll-lunch-42/answers/ans-pizza", query: "sortBy=lastCreated",
			answer: voters, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Polls.ListVotersPages(ctx, "poll-lunch-42", "ans-pizza", &amity.ListPollVotersParams{SortBy: amity.PollVoterSortLastCreated}))
			},
			invalid: badVoters(func(ctx context.Context, c *amity.Client, pollID, answerID string) error {
				return errOf(first(c.Polls.ListVotersPages(ctx, pollID, answerID, nil)))
			})},
		{name: "ListVotersPage", method: "GET", path: "/api/v3/polls/poll-lunch-42/answers/ans-pizza", query: "options%5Blimit%5D=2",
			answer: voters, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Polls.ListVotersPage(ctx, "poll-lunch-42", "ans-pizza", &amity.ListPollVotersParams{PageParams: amity.PageParams{Limit: 2}})
			},
			invalid: badVoters(func(ctx context.Context, c *amity.Client, pollID, answerID string) error {
				return errOf(c.Polls.ListVotersPage(ctx, pollID, answerID, nil))
			})},
	})
}

// TestPollsListVotersPages walks the voter pages with their sideloads and resumes from a
// cursor.
func TestPollsListVotersPages(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "polls_voters_page1.json"), fixture(t, "polls_voters_page2.json")
	listing := recordPages(t, mt, "/api/v3/polls/poll-lunch-42/answers/ans-pizza", "options[token]", "voters-2", p1, p2)
	ctx := context.Background()
	var voters []string
	var next string
	for page, err := range c.Polls.ListVotersPages(ctx, "poll-lunch-42", "ans-pizza", nil) {
		require.NoError(t, err)
		assert.Equal(t, "poll-lunch-42", page.Poll().PollID)
		for i := range page.UsersAnswered {
			voters = append(voters, page.Voter(&page.UsersAnswered[i]).DisplayName)
		}
		if next == "" {
			next = page.Paging.Next
		}
	}
	assert.Equal(t, []string{"Bob", "Carol", "Dave"}, voters)
	assert.Len(t, listing.all(), 2)

	listing.reset()
	voters = nil
	for v, err := range c.Polls.ListVoters(ctx, "poll-lunch-42", "ans-pizza", &amity.ListPollVotersParams{PageParams: amity.PageParams{PageToken: next}}) {
		require.NoError(t, err)
		voters = append(voters, v.User.DisplayName)
	}
	assert.Equal(t, []string{"Dave"}, voters, "a walk resumes at a page's cursor")
	assert.Equal(t, []string{"options%5Btoken%5D=voters-2"}, listing.queries())
}
