package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Polls.Create", Op: "POST /api/v3/polls",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Polls.Create(ctx, &amity.CreatePollParams{Question: "Lunch?",
					Answers: []amity.PollAnswerParams{{Data: "Pizza"}, {Data: "Salad"}}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Polls.Create(ctx, &amity.CreatePollParams{Question: "Lunch?",
					Answers:    []amity.PollAnswerParams{{DataType: amity.PollDataTypeText, Data: "Pizza"}, {DataType: amity.PollDataTypeText, Data: "Salad"}},
					AnswerType: amity.PollAnswerMultiple, ClosedIn: amity.Ptr(int64(86400000)), Text: "Team lunch"}))
			}},
		conformanceCase{Method: "Polls.Get", Op: "GET /api/v3/polls/{pollId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Polls.Get(ctx, "p1")) }},
		conformanceCase{Method: "Polls.Close", Op: "PUT /api/v3/polls/{pollId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Polls.Close(ctx, "p1")) }},
		conformanceCase{Method: "Polls.Delete", Op: "DELETE /api/v3/polls/{pollId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Polls.Delete(ctx, "p1") }},
		conformanceCase{Method: "Polls.ListVotersPage", Op: "GET /api/v3/polls/{pollId}/answers/{answerId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Polls.ListVotersPage(ctx, "p1", "a1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Polls.ListVotersPage(ctx, "p1", "a1", &amity.ListPollVotersParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
					SortBy: amity.PollVoterSortFirstCreated, Before: "65a0c0ffee", After: "659fc0ffee"}))
			}},
		conformanceCase{Method: "Polls.ListVoters", Op: "GET /api/v3/polls/{pollId}/answers/{answerId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Polls.ListVoters(ctx, "p1", "a1", nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Polls.ListVoters(ctx, "p1", "a1", &amity.ListPollVotersParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
					SortBy: amity.PollVoterSortLastCreated, Before: "65a0c0ffee", After: "659fc0ffee"})))
			}},
		conformanceCase{Method: "Polls.ListVotersPages", Op: "GET /api/v3/polls/{pollId}/answers/{answerId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Polls.ListVotersPages(ctx, "p1", "a1", nil)))
			}},
		conformanceCase{Method: "Polls.Vote", Op: "POST /api/v3/polls/{pollId}/votes", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Polls.Vote(ctx, "p1", &amity.VotePollParams{AnswerIDs: []string{"a1"}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Polls.Vote(ctx, "p1", &amity.VotePollParams{AnswerIDs: []string{"a1", "a2"}}))
			}},
	)
}
