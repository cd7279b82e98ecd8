package amitytest

import (
	"time"
)

// poll is a poll that a poll post refers to.
type poll struct {
	id         string
	userID     string
	question   string
	answers    []*pollAnswer
	answerType string // single or multiple
	closedIn   int64  // milliseconds; 0 means no deadline
	closed     bool
	votes      map[string]*pollVote
	deleted    bool
	createdAt  time.Time
	updatedAt  time.Time
	seq        int64
}

type pollAnswer struct {
	id       string
	dataType string
	data     string
}

type pollVote struct {
	answerIDs []string
	createdAt time.Time
	seq       int64
}

type pollAnswerJSON struct {
	DataType      string `json:"dataType"`
	Data          string `json:"data"`
	VoteCount     int    `json:"voteCount"`
	IsVotedByUser bool   `json:"isVotedByUser"`
	ID            string `json:"id"`
}

type pollJSON struct {
	PollID         string           `json:"pollId"`
	UserID         string           `json:"userId"`
	UserInternalID string           `json:"userInternalId"`
	UserPublicID   string           `json:"userPublicId"`
	Question       string           `json:"question"`
	Answers        []pollAnswerJSON `json:"answers"`
	AnswerType     string           `json:"answerType"`
	ClosedAt       string           `json:"closedAt,omitempty"`
	CreatedAt      string           `json:"createdAt"`
	IsVoted        bool             `json:"isVoted"`
	Status         string           `json:"status"`
	ClosedIn       int64            `json:"closedIn,omitempty"`
}

type pollsResponse struct {
	Polls         []pollJSON          `json:"polls"`
	Users         []userJSON          `json:"users"`
	UsersAnswered []usersAnsweredJSON `json:"UsersAnswered,omitempty"`
	Paging        *pagingNextPrevious `json:"paging,omitempty"`
}

type usersAnsweredJSON struct {
	UserID    string   `json:"userId"`
	PollID    string   `json:"pollId"`
	AnswerIDs []string `json:"answerIds"`
	CreatedAt string   `json:"createdAt"`
}

// closedAt is when the poll closes by itself (zero: never).
func (pl *poll) closedAt() time.Time {
	if pl.closedIn <= 0 {
		return time.Time{}
	}
	return pl.createdAt.Add(time.Duration(pl.closedIn) * time.Millisecond)
}

// isClosed reports whether the poll refuses votes at now.
func (pl *poll) isClosed(now time.Time) bool {
	at := pl.closedAt()
	return pl.closed || (!at.IsZero() && !now.Before(at))
}

func (c *request) pollJSON(pl *poll) pollJSON {
	internal := ""
	if u := c.st.users[pl.userID]; u != nil {
		internal = u.internalID
	}
	mine := pl.votes[c.identity]
	answers := []pollAnswerJSON{}
	for _, a := range pl.answers {
		n := 0
		for _, v := range pl.votes {
			if containsString(v.answerIDs, a.id) {
				n++
			}
		}
		answers = append(answers, pollAnswerJSON{
			DataType: a.dataType, Data: a.data, VoteCount: n, ID: a.id,
			IsVotedByUser: mine != nil && containsString(mine.answerIDs, a.id),
		})
	}
	status := "open"
	if pl.isClosed(c.now()) {
		status = "closed"
	}
	out := pollJSON{
		PollID: pl.id, UserID: pl.userID, UserInternalID: internal, UserPublicID: pl.userID,
		Question: pl.question, Answers: answers, AnswerType: pl.answerType, CreatedAt: ts(pl.createdAt),
		IsVoted: mine != nil, Status: status, ClosedIn: pl.closedIn,
	}
	if at := pl.closedAt(); !at.IsZero() {
		out.ClosedAt = ts(at)
	}
	return out
}

func (c *request) pollsBody(pl *poll) pollsResponse {
	b := c.sideload()
	b.addUser(pl.userID)
	return pollsResponse{Polls: []pollJSON{c.pollJSON(pl)}, Users: b.users()}
}

func (c *request) livePoll(id string) (*poll, error) {
	pl := c.st.polls[id]
	if pl == nil || pl.deleted {
		return nil, errNotFound("Poll not found.")
	}
	return pl, nil
}

func (s *Server) routesPolls() {
	s.route("POST /api/v3/polls", authUser, s.createPoll)
	s.route("GET /api/v3/polls/{pollId}", authUser, func(c *request) error {
		pl, err := c.livePoll(c.path("pollId"))
		if err != nil {
			return err
		}
		return c.ok(c.pollsBody(pl))
	})
	s.route("PUT /api/v3/polls/{pollId}", authUser, func(c *request) error {
		pl, err := c.livePoll(c.path("pollId"))
		if err != nil {
			return err
		}
		var req struct {
			Status string `json:"status"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Status == "" {
			req.Status = "closed"
		}
		if req.Status != "closed" {
			return errBadRequest("Parameters validation error: status can only be closed")
		}
		if pl.userID != c.identity && !c.isAdmin {
			return errForbidden("Only creator can update poll.")
		}
		pl.closed, pl.updatedAt = true, c.now()
		c.emitPoll("poll.didUpdate", pl)
		return c.ok(c.pollsBody(pl))
	})
	s.route("DELETE /api/v3/polls/{pollId}", authUser, func(c *request) error {
		pl, err := c.livePoll(c.path("pollId"))
		if err != nil {
			return err
		}
		if pl.userID != c.identity && !c.isAdmin {
			return errForbidden("Only creator can delete poll.")
		}
		pl.deleted, pl.updatedAt = true, c.now()
		return c.ok(successData())
	})
	s.route("POST /api/v3/polls/{pollId}/votes", authUser, s.votePoll)
	s.route("GET /api/v3/polls/{pollId}/answers/{answerId}", authUser, func(c *request) error {
		pl, err := c.livePoll(c.path("pollId"))
		if err != nil {
			return err
		}
		answerID := c.path("answerId")
		found := false
		for _, a := range pl.answers {
			found = found || a.id == answerID
		}
		if !found {
			return errNotFound("Answer not found.")
		}
		sortBy := c.q("sortBy")
		if err := enum("sortBy", sortBy, "lastCreated", "firstCreated"); err != nil {
			return err
		}
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		type voter struct {
			userID string
			vote   *pollVote
		}
		var list []voter
		for uid, v := range pl.votes {
			if containsString(v.answerIDs, answerID) {
				list = append(list, voter{uid, v})
			}
		}
		sortByCreated(list, func(v voter) (time.Time, int64) { return v.vote.createdAt, v.vote.seq }, sortBy != "firstCreated")
		win, cur := paginate(list, p)
		b := c.sideload()
		b.addUser(pl.userID)
		answered := []usersAnsweredJSON{}
		for _, v := range win {
			b.addUser(v.userID)
			answered = append(answered, usersAnsweredJSON{
				UserID: v.userID, PollID: pl.id, AnswerIDs: append([]string(nil), v.vote.answerIDs...),
				CreatedAt: ts(v.vote.createdAt),
			})
		}
		return c.ok(pollsResponse{
			Polls: []pollJSON{c.pollJSON(pl)}, Users: b.users(), UsersAnswered: answered, Paging: cur.nextPrevious(),
		})
	})
}

func (s *Server) createPoll(c *request) error {
	var req struct {
		Question string `json:"question"`
		Answers  []struct {
			DataType string `json:"dataType"`
			Data     string `json:"data"`
		} `json:"answers"`
		AnswerType string `json:"answerType"`
		ClosedIn   int64  `json:"closedIn"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.Question == "" {
		return errBadRequest("Parameters validation error: question is required")
	}
	if len(req.Answers) < 2 || len(req.Answers) > 10 {
		return errBadRequest("Parameters validation error: a poll needs 2 to 10 answers")
	}
	if req.AnswerType == "" {
		req.AnswerType = "single"
	}
	if err := enum("answerType", req.AnswerType, "single", "multiple"); err != nil {
		return err
	}
	if req.ClosedIn < 0 {
		return errBadRequest("Parameters validation error: closedIn must not be negative")
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	texts := []string{req.Question}
	for _, a := range req.Answers {
		if a.Data == "" {
			return errBadRequest("Parameters validation error: every answer needs data")
		}
		if err := enum("answers.dataType", a.DataType, "text"); err != nil {
			return err
		}
		texts = append(texts, a.Data)
	}
	if err := c.st.checkText(texts...); err != nil {
		return err
	}
	now := c.now()
	pl := &poll{
		id: c.st.newID(), userID: me.id, question: req.Question, answerType: req.AnswerType,
		closedIn: req.ClosedIn, votes: map[string]*pollVote{}, createdAt: now, updatedAt: now, seq: c.st.nextSeq(),
	}
	for _, a := range req.Answers {
		pl.answers = append(pl.answers, &pollAnswer{id: c.st.newID(), dataType: "text", data: a.Data})
	}
	c.st.polls[pl.id] = pl
	c.emitPoll("poll.didCreate", pl)
	return c.ok(c.pollsBody(pl))
}

func (s *Server) votePoll(c *request) error {
	pl, err := c.livePoll(c.path("pollId"))
	if err != nil {
		return err
	}
	var req struct {
		AnswerIDs []string `json:"answerIds"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	ids := uniq(req.AnswerIDs)
	if len(ids) == 0 {
		return errBadRequest("Parameters validation error: answerIds is required")
	}
	if pl.answerType == "single" && len(ids) > 1 {
		return errBadRequest("This poll accepts a single answer")
	}
	for _, id := range ids {
		found := false
		for _, a := range pl.answers {
			found = found || a.id == id
		}
		if !found {
			return errBadRequest("Answer %s is not in the poll", id)
		}
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	if pl.isClosed(c.now()) {
		return errBadRequest("Poll is closed.")
	}
	pl.votes[me.id] = &pollVote{answerIDs: ids, createdAt: c.now(), seq: c.st.nextSeq()}
	c.emitPoll("poll.didVote", pl)
	return c.ok(c.pollsBody(pl))
}
