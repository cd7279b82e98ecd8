package amity

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
)

// PollsService manages polls and votes. Reach it as Client.Polls.
type PollsService struct{ c *Client }

// PollAnswerType says whether a voter may pick one answer or several.
type PollAnswerType string

// Poll answer types.
const (
	PollAnswerSingle   PollAnswerType = "single"
	PollAnswerMultiple PollAnswerType = "multiple"
)

// PollStatus is the state of a poll.
type PollStatus string

// Poll states. A poll is open until it is closed (Polls.Close) or its ClosedIn elapses.
const (
	PollStatusOpen   PollStatus = "open"
	PollStatusClosed PollStatus = "closed"
)

// PollDataType is the kind of an answer's data: text, or an image (answers carry image
// answers since spec 4.116.1; a new poll's answers are text, as the create body allows).
type PollDataType string

// Poll answer data types.
const (
	PollDataTypeText  PollDataType = "text"
	PollDataTypeImage PollDataType = "image"
)

// Poll is a poll: a question and up to 10 answers users vote on. A post of data type "poll"
// refers to one by ID.
type Poll struct {
	// PollID is the poll's ID.
	PollID string `json:"pollId"`
	// UserID is the creator's public ID; UserInternalID and UserPublicID are its two forms.
	UserID         string `json:"userId,omitempty"`
	UserInternalID string `json:"userInternalId,omitempty"`
	UserPublicID   string `json:"userPublicId,omitempty"`
	// Title is the poll's title (at most 150 characters; spec 4.116.1).
	Title string `json:"title,omitempty"`
	// Question is the poll's question.
	Question string `json:"question,omitempty"`
	// Answers are the choices (at most 10), with their vote counts.
	Answers []PollAnswer `json:"answers,omitempty"`
	// AnswerType is single or multiple.
	AnswerType PollAnswerType `json:"answerType,omitempty"`
	// ClosedAt is when the poll closes or closed.
	ClosedAt Time `json:"closedAt"`
	// CreatedAt is when the poll was created.
	CreatedAt Time `json:"createdAt"`
	// IsVoted reports whether the calling user voted.
	IsVoted bool `json:"isVoted,omitempty"`
	// Status is open (the default) or closed.
	Status PollStatus `json:"status,omitempty"`
	// ClosedIn is the voting time from creation, in milliseconds.
	ClosedIn int64 `json:"closedIn,omitempty"`
}

// PollAnswer is one answer of a poll.
type PollAnswer struct {
	// ID is the answer's ID, to pass to Polls.Vote and Polls.ListVotersPage.
	ID string `json:"id,omitempty"`
	// DataType is text or image.
	DataType PollDataType `json:"dataType,omitempty"`
	// Data is the answer's text.
	Data string `json:"data,omitempty"`
	// FileID is the image of an image answer.
	FileID string `json:"fileId,omitempty"`
	// VoteCount is how many users chose this answer.
	VoteCount int `json:"voteCount,omitempty"`
	// IsVotedByUser reports whether the calling user chose this answer.
	IsVotedByUser bool `json:"isVotedByUser,omitempty"`
}

// Answer returns the poll's answer with the given ID, or nil.
func (p *Poll) Answer(answerID string) *PollAnswer {
	for i := range p.Answers {
		if p.Answers[i].ID == answerID {
			return &p.Answers[i]
		}
	}
	return nil
}

// PollPayload is the answer of the poll calls: the polls and their creators.
type PollPayload struct {
	rawJSON
	// Polls are the polls asked for (one for a create, get, close or vote).
	Polls []Poll `json:"polls"`
	// Users are their creators (see Creator, UserByID).
	Users []User `json:"users"`
	// Roles are the roles of the users (see RoleByID).
	Roles []Role `json:"roles"`
}

// RoleByID returns the sideloaded role with the given ID, or nil.
func (p *PollPayload) RoleByID(roleID string) *Role { return roleByID(p.Roles, roleID) }

// Poll returns the payload's first poll (the one a call about a single poll is about), or nil.
func (p *PollPayload) Poll() *Poll { return firstOf(p.Polls) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *PollPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// Creator returns the sideloaded user who created poll, or nil.
func (p *PollPayload) Creator(poll *Poll) *User {
	if poll == nil {
		return nil
	}
	return findUserOf(p.Users, poll.UserID, poll.UserPublicID, poll.UserInternalID)
}

// PollAnswerParams is one answer of a new poll.
type PollAnswerParams struct {
	// DataType is the kind of Data; the API supports text only, and empty means text.
	DataType PollDataType `json:"dataType,omitempty"`
	// Data (required) is the answer's text.
	Data string `json:"data"`
}

// MarshalJSON sends an empty DataType as "text", the only type the API supports.
func (a PollAnswerParams) MarshalJSON() ([]byte, error) {
	type plain PollAnswerParams
	if a.DataType == "" {
		a.DataType = PollDataTypeText
	}
	return json.Marshal(plain(a))
}

// CreatePollParams is the body of Polls.Create.
type CreatePollParams struct {
	// Question (required) is the poll's question.
	Question string `json:"question"`
	// Answers (required) are the choices: at least 2, at most 10.
	Answers []PollAnswerParams `json:"answers"`
	// AnswerType is single or multiple; empty leaves it to the server.
	AnswerType PollAnswerType `json:"answerType,omitempty"`
	// ClosedIn, when set, closes the poll that many milliseconds after creation, e.g.
	// (24 * time.Hour).Milliseconds(). It must be positive.
	ClosedIn *int64 `json:"closedIn,omitempty"`
	// Text is a field the spec lists without describing it; leave it empty unless you know
	// what your network does with it.
	Text string `json:"text,omitempty"`
}

func (p *CreatePollParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	if err := firstErr(
		required(op, "Question", p.Question),
	); err != nil {
		return err
	}
	if len(p.Answers) < 2 {
		return &ValidationError{Op: op, Field: "Answers", Reason: "must hold at least 2 answers"}
	}
	if err := maxItems(op, "Answers", len(p.Answers), 10); err != nil {
		return err
	}
	for i, a := range p.Answers {
		field := fmt.Sprintf("Answers[%d]", i)
		if err := firstErr(
			required(op, field+".Data", a.Data),
		); err != nil {
			return err
		}
	}
	if p.ClosedIn != nil && *p.ClosedIn <= 0 {
		return &ValidationError{Op: op, Field: "ClosedIn", Reason: "must be a positive number of milliseconds"}
	}
	return nil
}

// Create creates a poll and returns it with its creator. POST /api/v3/polls. Attach it to a
// post with the post's poll data. Not retried after it may have reached the server (a repeat
// would create a second poll).
func (s *PollsService) Create(ctx context.Context, params *CreatePollParams, opts ...CallOption) (*PollPayload, error) {
	const op = "Polls.Create"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return pollsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/polls", body: params, opts: opts})
}

// Get returns a poll with its answers, vote counts and creator. GET /api/v3/polls/{pollId}.
func (s *PollsService) Get(ctx context.Context, pollID string, opts ...CallOption) (*PollPayload, error) {
	const op = "Polls.Get"
	path, err := pollsPath(op, "/api/v3/polls/%s", pollID)
	if err != nil {
		return nil, err
	}
	return pollsCall(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts})
}

// Close closes a poll to further votes and returns it. PUT /api/v3/polls/{pollId} with
// {"status": "closed"}, the only change the endpoint supports. Idempotent by construction
// (it sets the status to closed; a repeat leaves the same state), so it is retried like a
// read.
func (s *PollsService) Close(ctx context.Context, pollID string, opts ...CallOption) (*PollPayload, error) {
	const op = "Polls.Close"
	path, err := pollsPath(op, "/api/v3/polls/%s", pollID)
	if err != nil {
		return nil, err
	}
	body := struct {
		Status PollStatus `json:"status"`
	}{PollStatusClosed}
	return pollsCall(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: body, idempotent: true, opts: opts})
}

// Delete deletes a poll. DELETE /api/v3/polls/{pollId}. Idempotent by construction (a
// deleted poll stays deleted; a repeat may answer ErrNotFound), so it is retried like a read.
// An answer of success: false is an *Error matching ErrUnsuccessful.
func (s *PollsService) Delete(ctx context.Context, pollID string, opts ...CallOption) error {
	const op = "Polls.Delete"
	path, err := pollsPath(op, "/api/v3/polls/%s", pollID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}, nil)
}

// VotePollParams are the answers of Polls.Vote.
type VotePollParams struct {
	// AnswerIDs are the chosen answers (PollAnswer.ID): one, or on a multiple-answer poll up
	// to 10, each at most 900 characters. Required.
	AnswerIDs []string `json:"answerIds"`
}

// Vote records the calling user's vote for one answer (or, on a multiple-answer poll,
// several) and returns the poll with its new counts. POST /api/v3/polls/{pollId}/votes. Call
// it on a view from Client.AsUser: the vote is the token's user's. Not retried after it may
// have reached the server (a vote is not idempotent).
func (s *PollsService) Vote(ctx context.Context, pollID string, params *VotePollParams, opts ...CallOption) (*PollPayload, error) {
	const op = "Polls.Vote"
	path, err := pollsPath(op, "/api/v3/polls/%s/votes", pollID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := idList(op, "AnswerIDs", params.AnswerIDs, 10, 900); err != nil {
		return nil, err
	}
	return pollsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: path, body: params, opts: opts})
}

// PollVote is one user's vote on a poll.
type PollVote struct {
	UserID string `json:"userId"`
	PollID string `json:"pollId,omitempty"`
	// AnswerIDs are the answers the user chose.
	AnswerIDs []string `json:"answerIds,omitempty"`
	// CreatedAt is when the user voted.
	CreatedAt Time `json:"createdAt"`
	// User is the voter, resolved from the page's sideloaded users by ListVotersPage (nil
	// when the answer did not include them); PollVotersPayload.Voter is the same lookup.
	User *User `json:"-"`
}

// PollVotersPayload is one page of the voters of a poll answer, with the poll and the voters.
type PollVotersPayload struct {
	rawJSON
	// Polls holds the poll (see Poll).
	Polls []Poll `json:"polls"`
	// Users are the voters (see Voter, UserByID).
	Users []User `json:"users"`
	// UsersAnswered are the votes of this page (the API's own spelling of the key).
	UsersAnswered []PollVote `json:"UsersAnswered"`
	// Paging holds the cursors.
	Paging Paging `json:"paging"`
}

func (p *PollVotersPayload) pageItems() []PollVote { return p.UsersAnswered }
func (p *PollVotersPayload) pageInfo() Paging      { return p.Paging }

// Poll returns the sideloaded poll, or nil.
func (p *PollVotersPayload) Poll() *Poll { return firstOf(p.Polls) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *PollVotersPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// Voter returns the sideloaded user who cast vote, or nil.
func (p *PollVotersPayload) Voter(vote *PollVote) *User {
	if vote == nil {
		return nil
	}
	return findUser(p.Users, vote.UserID)
}

// resolve fills in each vote's User from the sideloaded users.
func (p *PollVotersPayload) resolve() {
	for i := range p.UsersAnswered {
		p.UsersAnswered[i].User = p.Voter(&p.UsersAnswered[i])
	}
}

// PollVoterSortBy orders Polls.ListVoters.
type PollVoterSortBy string

// Voter orders.
const (
	PollVoterSortLastCreated  PollVoterSortBy = "lastCreated"
	PollVoterSortFirstCreated PollVoterSortBy = "firstCreated"
)

// ListPollVotersParams filters and pages Polls.ListVoters. The zero value lists all voters.
type ListPollVotersParams struct {
	PageParams
	// SortBy: lastCreated or firstCreated.
	SortBy PollVoterSortBy
	// Before and After are vote cursors (options[before], at most 24 characters, and
	// options[after]).
	Before string
	After  string
}

func (p *ListPollVotersParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 1000),
		maxLen(op, "Before", p.Before, 24),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("sortBy", string(p.SortBy))
	q.options(p.Limit, p.PageToken)
	q.str("options[before]", p.Before)
	q.str("options[after]", p.After)
	return q, nil
}

// ListVoters returns an iterator over the votes for one answer of a poll, each with its
// voter, fetching pages as it goes. GET /api/v3/polls/{pollId}/answers/{answerId}.
func (s *PollsService) ListVoters(ctx context.Context, pollID, answerID string, params *ListPollVotersParams, opts ...CallOption) iter.Seq2[PollVote, error] {
	return listAll(ctx, params, opts, s.votersPage(pollID, answerID))
}

// ListVotersPages returns an iterator over the pages of ListVoters, each with the poll and
// the voters. GET /api/v3/polls/{pollId}/answers/{answerId}.
func (s *PollsService) ListVotersPages(ctx context.Context, pollID, answerID string, params *ListPollVotersParams, opts ...CallOption) iter.Seq2[*PollVotersPayload, error] {
	return pages(ctx, params, opts, s.votersPage(pollID, answerID))
}

// votersPage binds the poll and answer of ListVotersPage, for listAll and pages.
func (s *PollsService) votersPage(pollID, answerID string) func(context.Context, *ListPollVotersParams, ...CallOption) (*PollVotersPayload, error) {
	return func(ctx context.Context, p *ListPollVotersParams, opts ...CallOption) (*PollVotersPayload, error) {
		return s.ListVotersPage(ctx, pollID, answerID, p, opts...)
	}
}

// ListVotersPage returns one page of the votes for one answer of a poll, with the voters and
// the poll. GET /api/v3/polls/{pollId}/answers/{answerId}.
func (s *PollsService) ListVotersPage(ctx context.Context, pollID, answerID string, params *ListPollVotersParams, opts ...CallOption) (*PollVotersPayload, error) {
	const op = "Polls.ListVotersPage"
	if err := firstErr(maxLen(op, "pollID", pollID, 900), maxLen(op, "answerID", answerID, 900)); err != nil {
		return nil, err
	}
	path, err := pathf(op, "/api/v3/polls/%s/answers/%s", id("pollID", pollID), id("answerID", answerID))
	if err != nil {
		return nil, err
	}
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	page, err := call[PollVotersPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q), opts: opts})
	if err != nil {
		return nil, err
	}
	page.resolve()
	return page, nil
}

// pollsPath is the idPath of a poll: an ID of at most 900 characters.
var pollsPath = maxLenPath("pollID", 900)

// pollsCall sends r and decodes a poll bundle holding at least one poll.
func pollsCall(ctx context.Context, c *Client, r *request) (*PollPayload, error) {
	return callOne(ctx, c, r, "poll", func(p *PollPayload) []Poll { return p.Polls })
}
