package amitytest

// flaggable is an entity users can flag: a post, comment or message.
type flaggable interface{ flagSet() *flagSet }

func (p *post) flagSet() *flagSet     { return &p.flags }
func (cm *comment) flagSet() *flagSet { return &cm.flags }
func (m *message) flagSet() *flagSet  { return &m.flags }

// clearFlags is the handler of an operation that removes every flag of the entity find
// returns, which only those canModerate allows may do, and answers body of it.
func clearFlags[T flaggable](find func(*request) (T, error), canModerate func(*request, T) bool, body func(*request, T) any) handler {
	return func(c *request) error {
		e, err := find(c)
		if err != nil {
			return err
		}
		if !canModerate(c, e) {
			return errPermission("You are not allowed to do this.")
		}
		*e.flagSet() = flagSet{}
		switch x := any(e).(type) {
		case *post:
			c.st.touchPost(x)
		case *comment:
			c.st.touchComment(x)
		}
		return c.ok(body(c, e))
	}
}

// isFlaggedByMe is the handler of an operation that answers whether the caller flagged the
// entity find returns.
func isFlaggedByMe[T flaggable](find func(*request) (T, error)) handler {
	return func(c *request) error {
		e, err := find(c)
		if err != nil {
			return err
		}
		_, flagged := (*e.flagSet())[c.identity]
		return c.ok(statusData{Status: "success", Data: map[string]bool{"result": flagged}})
	}
}

// flagMessage is the handler of an operation that flags (on) or unflags the message find
// returns for the caller: the pre-hook message.shouldFlag (shouldUnflag) may deny it; with
// deleteAtLimit, a flag that reaches the flag limit of a channel that deletes flagged
// messages deletes the message (v5); message.didFlag (didUnflag) follows, and body answers
// the message.
func flagMessage(on, deleteAtLimit bool, find func(*request) (*message, error), body func(*request, *message) any) handler {
	hook, event := "message.shouldUnflag", "message.didUnflag"
	if on {
		hook, event = "message.shouldFlag", "message.didFlag"
	}
	return func(c *request) error {
		m, _, err := preHookFor(c, hook, func() (*message, error) { return find(c) }, c.messageJSON)
		if err != nil {
			return err
		}
		if on {
			m.flags[c.identity] = c.now()
			if deleteAtLimit && c.st.reachesFlagLimit(m) {
				m.deleted, m.updatedAt = true, c.now()
			}
		} else {
			delete(m.flags, c.identity)
		}
		c.emitMessageV3(event, m)
		return c.ok(body(c, m))
	}
}

// reachesFlagLimit reports whether m is in a channel that deletes messages flagged as often
// as its limit says, and m has that many flags.
func (st *state) reachesFlagLimit(m *message) bool {
	ch := st.channels[m.channelID]
	return ch != nil && ch.autoDelete && ch.autoDeleteLimit > 0 && m.flags.count() >= ch.autoDeleteLimit
}

// pathPost finds the post of the path (deleted ones too).
func (c *request) pathPost() (*post, error) { return c.post(c.path("postId")) }

// pathComment finds the comment of the path (deleted ones too).
func (c *request) pathComment() (*comment, error) { return c.comment(c.path("commentId")) }

// pathMessage finds the message of the path (deleted ones too).
func (c *request) pathMessage() (*message, error) { return c.message(c.path("messageId")) }

// pathLiveMessage finds the message of the path, which must not be deleted.
func (c *request) pathLiveMessage() (*message, error) {
	m, err := c.message(c.path("messageId"))
	if err != nil || m.deleted {
		return nil, errNotFound("Message %s not found", c.path("messageId"))
	}
	return m, nil
}

// pathReadableMessage finds the message of the path in a channel the caller may read.
func (c *request) pathReadableMessage() (*message, error) {
	return c.readableMessage(c.path("messageId"))
}

// postBody answers one post.
func (c *request) postBody(p *post) any { return c.postsBody([]*post{p}, true) }

// commentBody answers one comment.
func (c *request) commentBody(cm *comment) any { return c.commentsBody([]*comment{cm}) }

// messageBody answers one message as the v5 operations do.
func (c *request) messageBody(m *message) any { return c.messagesBody([]*message{m}) }

// messageV3Body answers one message as the v3 operations do.
func (c *request) messageV3Body(m *message) any { return c.messagesV3Body([]*message{m}) }

// flagNote is the reason and detail a user gave with a flag of a post or comment (spec
// 4.116.1's flag bodies).
type flagNote struct {
	Reason string `json:"reason"`
	Detail string `json:"detail,omitempty"`
}

// flagReasonOthers is the reason a flag without one records (the spec's default).
const flagReasonOthers = "Others"

// readFlagNote reads the optional {reason, detail} body of a post or comment flag: each at
// most 300 characters, the reason Others when left out.
func (c *request) readFlagNote() (flagNote, error) {
	var req struct {
		Reason *string `json:"reason"`
		Detail *string `json:"detail"`
	}
	if err := c.decode(&req, false); err != nil {
		return flagNote{}, err
	}
	n := flagNote{Reason: flagReasonOthers}
	setOpt(&n.Reason, req.Reason)
	setOpt(&n.Detail, req.Detail)
	if n.Reason == "" {
		n.Reason = flagReasonOthers
	}
	if err := maxLen("reason", n.Reason, 300); err != nil {
		return flagNote{}, err
	}
	if err := maxLen("detail", n.Detail, 300); err != nil {
		return flagNote{}, err
	}
	return n, nil
}

// setFlagNote records n as user's note on an entity's flag.
func setFlagNote(notes *map[string]flagNote, user string, n flagNote) {
	if *notes == nil {
		*notes = map[string]flagNote{}
	}
	(*notes)[user] = n
}
