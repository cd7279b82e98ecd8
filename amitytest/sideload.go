package amitytest

// orderedSet is a set of ids that remembers insertion order.
type orderedSet struct {
	seen map[string]bool
	list []string
}

func (o *orderedSet) add(id string) bool {
	if id == "" || o.seen[id] {
		return false
	}
	if o.seen == nil {
		o.seen = map[string]bool{}
	}
	o.seen[id] = true
	o.list = append(o.list, id)
	return true
}

// sideload collects the users and files a response refers to, so they can be
// returned in the response's sideloaded arrays.
type sideload struct {
	c       *request
	userIDs orderedSet
	fileIDs orderedSet
}

func (c *request) sideload() *sideload { return &sideload{c: c} }

// addUser adds a user and its avatar file.
func (b *sideload) addUser(id string) {
	if !b.userIDs.add(id) {
		return
	}
	if u := b.c.st.users[id]; u != nil && u.avatarFileID != "" {
		b.addFile(u.avatarFileID)
	}
}

// addFile adds a file.
func (b *sideload) addFile(id string) { b.fileIDs.add(id) }

// users renders the collected users.
func (b *sideload) users() []userJSON {
	out := []userJSON{}
	for _, id := range b.userIDs.list {
		if u := b.c.st.users[id]; u != nil {
			out = append(out, u.json())
		}
	}
	return out
}

// roles renders the roles the collected users hold (those that exist and are not deleted),
// each once: the roles sideload of spec 4.116.1's user, comment, post, poll, reaction, story
// and message answers.
func (b *sideload) roles() []roleJSON {
	out := []roleJSON{}
	var seen orderedSet
	for _, id := range b.userIDs.list {
		u := b.c.st.users[id]
		if u == nil {
			continue
		}
		for _, rid := range u.roles {
			if r := b.c.st.roles[rid]; r != nil && !r.deleted && seen.add(rid) {
				out = append(out, r.json())
			}
		}
	}
	return out
}

// files renders the collected files.
func (b *sideload) files() []fileJSON {
	out := []fileJSON{}
	for _, id := range b.fileIDs.list {
		if f := b.c.st.files[id]; f != nil {
			out = append(out, f.json(b.c.st.baseURL))
		}
	}
	return out
}
