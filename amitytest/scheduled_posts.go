package amitytest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

// scheduledPost is a post waiting for its time (status WAIT), published (DONE, postID is the
// post) or not publishable when its time came (FAIL, description says why).
type scheduledPost struct {
	id          string
	userID      string
	isAdmin     bool // scheduled with the admin token: published as the admin
	scheduledAt time.Time
	status      string // WAIT, DONE or FAIL
	description string
	postID      string            // the post's ID, reserved when scheduled
	req         createPostRequest // the post, as Posts.Create takes it
	raw         map[string]any    // the postData as sent (hashtags, links, ... kept for the listing)
	publishing  bool              // being published (a pre-hook may release the lock meanwhile)
	createdAt   time.Time
	updatedAt   time.Time
	seq         int64
}

// scheduledPostJSON is one item of the scheduled posts answer.
type scheduledPostJSON struct {
	ID              string          `json:"_id"`
	ScheduledAt     string          `json:"scheduledAt"`
	Status          scheduledStatus `json:"status"`
	PostData        any             `json:"postData"`
	UserID          string          `json:"userId"`
	UserDisplayName string          `json:"userDisplayName"`
	CreatedAt       string          `json:"createdAt"`
	UpdatedAt       string          `json:"updatedAt"`
	Files           []fileJSON      `json:"files"`
	Communities     []communityJSON `json:"communities"`
}

type scheduledStatus struct {
	Code        string `json:"code"`
	Description string `json:"description,omitempty"`
}

type scheduledPostsResponse struct {
	Data        []scheduledPostJSON `json:"data"`
	NetworkID   string              `json:"networkId"`
	Paging      *pagingNextPrev     `json:"paging"`
	Users       []userJSON          `json:"users"`
	Files       []fileJSON          `json:"files"`
	Communities []communityJSON     `json:"communities"`
	Polls       []pollJSON          `json:"polls"`
}

// scheduledPostRequest is the body of a create or update of a scheduled post.
type scheduledPostRequest struct {
	ScheduledAt *string         `json:"scheduledAt"`
	PostData    json.RawMessage `json:"postData"`
}

func (s *Server) routesScheduledPosts() {
	s.route("POST /api/v1/posts/schedule", authUser, s.createScheduledPost)
	s.route("GET /api/v1/posts/schedule", authUser, s.listScheduledPosts)
	s.route("PUT /api/v1/posts/schedule/{id}", authUser, s.updateScheduledPost)
	s.route("DELETE /api/v1/posts/schedule/{id}", authUser, func(c *request) error {
		sp, err := c.ownScheduledPost(c.path("id"))
		if err != nil {
			return err
		}
		delete(c.st.misc.scheduled, sp.id)
		return c.ok(map[string]string{"message": "Scheduled post deleted successfully"})
	})
}

// readScheduledPost decodes and checks the parts of a scheduled post a request carries: its
// time (required unless update) and its post (required unless update).
func (c *request) readScheduledPost(update bool) (at *time.Time, req *createPostRequest, raw map[string]any, err error) {
	var body scheduledPostRequest
	if err := c.decode(&body, true); err != nil {
		return nil, nil, nil, err
	}
	switch {
	case body.ScheduledAt != nil:
		t, err := miscTime("scheduledAt", *body.ScheduledAt)
		if err != nil {
			return nil, nil, nil, err
		}
		if !t.After(c.now()) {
			return nil, nil, nil, errBadRequest("Parameters validation error: scheduledAt must be in the future")
		}
		at = &t
	case !update:
		return nil, nil, nil, errBadRequest("Parameters validation error: scheduledAt is required")
	}
	if len(body.PostData) == 0 || string(body.PostData) == "null" {
		if !update {
			return nil, nil, nil, errBadRequest("Parameters validation error: postData is required")
		}
		if at == nil {
			return nil, nil, nil, errBadRequest("Parameters validation error: scheduledAt or postData is required")
		}
		return at, nil, nil, nil
	}
	req = &createPostRequest{}
	if json.Unmarshal(body.PostData, req) != nil || json.Unmarshal(body.PostData, &raw) != nil {
		return nil, nil, nil, errBadRequest("Parameters validation error: postData must be an object")
	}
	if err := c.checkScheduledPost(req); err != nil {
		return nil, nil, nil, err
	}
	return at, req, raw, nil
}

// checkScheduledPost checks what can be checked of a post before its time: its data, target
// (the caller may post there), tags, mentions (at most 2) and attachments. Publishing checks
// it again, as Posts.Create does.
func (c *request) checkScheduledPost(req *createPostRequest) error {
	if req.Data == nil {
		return errBadRequest("Parameters validation error: postData.data is required")
	}
	if req.TargetType == "" {
		req.TargetType = "user"
	}
	if req.TargetType == "user" && req.TargetID == "" {
		req.TargetID = c.me().id
	}
	if len(req.Tags) > 5 {
		return errBadRequest("Parameters validation error: at most 5 tags")
	}
	if len(req.Mentionees) > 2 {
		return errBadRequest("Parameters validation error: at most 2 mentionees")
	}
	if err := validateMentionees(req.Mentionees); err != nil {
		return err
	}
	if err := c.checkAttachments(req.Attachments); err != nil {
		return err
	}
	if _, err := c.checkPostTarget(req.TargetType, req.TargetID); err != nil {
		return err
	}
	if req.PostID != "" && c.st.posts[req.PostID] != nil {
		return errDuplicate()
	}
	return nil
}

func (s *Server) createScheduledPost(c *request) error {
	at, req, raw, err := c.readScheduledPost(false)
	if err != nil {
		return err
	}
	now := c.now()
	sp := &scheduledPost{
		id: c.st.newID(), userID: c.me().id, isAdmin: c.isAdmin, scheduledAt: *at, status: "WAIT",
		postID: req.PostID, req: *req, raw: raw, createdAt: now, updatedAt: now, seq: c.st.nextSeq(),
	}
	if sp.postID == "" {
		sp.postID = c.st.newID()
	}
	if c.st.misc.scheduled == nil {
		c.st.misc.scheduled = map[string]*scheduledPost{}
	}
	c.st.misc.scheduled[sp.id] = sp
	writeJSON(c.w, http.StatusCreated, map[string]any{"data": map[string]string{"id": sp.id}})
	return nil
}

// ownScheduledPost finds a scheduled post the caller may change: their own, or any for the
// admin.
func (c *request) ownScheduledPost(id string) (*scheduledPost, error) {
	sp := c.st.misc.scheduled[id]
	if sp == nil {
		return nil, errNotFound("Scheduled post not found.")
	}
	if sp.userID != c.identity && !c.isAdmin {
		return nil, errPermission("You are not allowed to do this.")
	}
	return sp, nil
}

func (s *Server) updateScheduledPost(c *request) error {
	sp, err := c.ownScheduledPost(c.path("id"))
	if err != nil {
		return err
	}
	if sp.status != "WAIT" {
		return errBadRequest("The scheduled post was already processed (%s)", sp.status)
	}
	at, req, raw, err := c.readScheduledPost(true)
	if err != nil {
		return err
	}
	if at != nil {
		sp.scheduledAt = *at
	}
	if req != nil {
		sp.req, sp.raw = *req, raw
		if req.PostID != "" {
			sp.postID = req.PostID
		}
	}
	sp.updatedAt = c.now()
	return c.ok(c.scheduledPostsBody([]*scheduledPost{sp}, nil))
}

func (s *Server) listScheduledPosts(c *request) error {
	notPostedOnly, err := c.qBool("notPostedOnly")
	if err != nil {
		return err
	}
	sortBy := c.q("sortBy")
	if err := enum("sortBy", sortBy, "lastCreated", "firstCreated", "lastUpdated", "firstUpdated"); err != nil {
		return err
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	var list []*scheduledPost
	for _, sp := range c.st.misc.scheduled {
		if (sp.userID == c.identity || c.isAdmin) && (notPostedOnly == nil || !*notPostedOnly || sp.status == "WAIT") {
			list = append(list, sp)
		}
	}
	byUpdate := sortBy == "lastUpdated" || sortBy == "firstUpdated"
	sortByCreated(list, func(sp *scheduledPost) (time.Time, int64) {
		if byUpdate {
			return sp.updatedAt, sp.seq
		}
		return sp.createdAt, sp.seq
	}, sortBy != "firstCreated" && sortBy != "firstUpdated")
	created := func(sp *scheduledPost) (time.Time, int64) { return sp.createdAt, sp.seq }
	list = cutAround(list, func(sp *scheduledPost) string { return sp.id }, created, c.opt("before"), c.opt("after"))
	win, cur := paginate(list, p)
	return c.ok(c.scheduledPostsBody(win, &pagingNextPrev{Next: cur.next, Prev: cur.prev}))
}

// scheduledPostsBody renders scheduled posts with their sideloads.
func (c *request) scheduledPostsBody(list []*scheduledPost, paging *pagingNextPrev) scheduledPostsResponse {
	b := c.sideload()
	cb := c.newCommunityBundle(b)
	out := scheduledPostsResponse{Data: []scheduledPostJSON{}, NetworkID: networkID, Paging: paging, Polls: []pollJSON{}}
	if out.Paging == nil {
		out.Paging = &pagingNextPrev{}
	}
	var polls orderedSet
	for _, sp := range list {
		b.addUser(sp.userID)
		item := scheduledPostJSON{
			ID: sp.id, ScheduledAt: ts(sp.scheduledAt), Status: scheduledStatus{Code: sp.status, Description: sp.description},
			UserID: sp.userID, CreatedAt: ts(sp.createdAt), UpdatedAt: ts(sp.updatedAt),
			Files: []fileJSON{}, Communities: []communityJSON{},
		}
		if u := c.st.users[sp.userID]; u != nil {
			item.UserDisplayName = u.displayName
		}
		if p := c.st.posts[sp.postID]; sp.status == "DONE" && p != nil {
			item.PostData = c.postJSON(p)
		} else {
			item.PostData = c.scheduledPostData(sp)
		}
		for _, a := range sp.req.Attachments {
			if f := c.st.files[a.FileID]; f != nil {
				item.Files = append(item.Files, f.json(c.st.baseURL))
				b.addFile(f.id)
			}
		}
		if sp.req.TargetType == "community" {
			if cm := c.st.communities[sp.req.TargetID]; cm != nil {
				item.Communities = append(item.Communities, c.communityJSON(cm))
				cb.add(cm)
			}
		}
		if id, ok := sp.req.Data["pollId"].(string); ok {
			polls.add(id)
		}
		out.Data = append(out.Data, item)
	}
	for _, id := range polls.list {
		if pl := c.st.polls[id]; pl != nil {
			out.Polls = append(out.Polls, c.pollJSON(pl))
			b.addUser(pl.userID)
		}
	}
	out.Communities = cb.communities()
	out.Users, out.Files = b.users(), b.files()
	return out
}

// scheduledPostData is the post of a scheduled post not (yet) published, in the post's shape.
func (c *request) scheduledPostData(sp *scheduledPost) map[string]any {
	r := sp.req
	dataType := r.DataType
	if dataType == "" {
		dataType = "text"
	}
	poster := c.st.users[sp.userID]
	internal := ""
	if poster != nil {
		internal = poster.internalID
	}
	out := map[string]any{
		"postId": sp.postID, "postedUserId": sp.userID, "postedUserPublicId": sp.userID, "postedUserInternalId": internal,
		"targetId": r.TargetID, "targetPublicId": r.TargetID, "targetInternalId": c.st.targetInternalID(r.TargetType, r.TargetID),
		"targetType": r.TargetType, "dataType": dataType, "data": obj(r.Data), "metadata": obj(r.Metadata),
		"tags": nonNil(r.Tags), "mentionees": c.st.mentioneesJSON(r.Mentionees), "children": []string{}, "comments": []string{},
		"createdAt": ts(sp.createdAt), "updatedAt": ts(sp.updatedAt), "isDeleted": false,
	}
	if h, ok := sp.raw["hashtags"].([]any); ok {
		out["hashtags"] = h
	}
	return out
}

// publishDue publishes the scheduled posts whose time has come, oldest time first, as their
// authors: each becomes a post in its target feed (DONE), or FAIL with the reason the post
// could not be created. s.mu is held.
func (s *Server) publishDue() {
	now := s.now()
	var due []*scheduledPost
	for _, sp := range s.st.misc.scheduled {
		if sp.status == "WAIT" && !sp.publishing && !now.Before(sp.scheduledAt) {
			due = append(due, sp)
		}
	}
	sortByCreated(due, func(sp *scheduledPost) (time.Time, int64) { return sp.scheduledAt, sp.seq }, false)
	for _, sp := range due {
		sp.publishing = true
		req := sp.req
		req.PostID = sp.postID
		body, _ := json.Marshal(req)
		rec := httptest.NewRecorder()
		c := &request{s: s, st: s.st, w: rec, identity: sp.userID, isAdmin: sp.isAdmin,
			r: httptest.NewRequest(http.MethodPost, "/api/v4/posts", strings.NewReader(string(body)))}
		err := s.createPost(c, req)
		sp.publishing = false
		if s.st.misc.scheduled[sp.id] != sp { // deleted while a pre-hook ran
			continue
		}
		sp.status, sp.updatedAt = "DONE", s.now()
		if err != nil || rec.Code != http.StatusOK {
			sp.status, sp.description = "FAIL", scheduledFailure(err)
		}
	}
}

// scheduledFailure is the description of a scheduled post that failed: the error's message.
func scheduledFailure(err error) string {
	if ae, ok := err.(*apiError); ok {
		return ae.message
	}
	return "Unexpected error"
}
