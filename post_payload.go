package amity

// This file holds the post answer (PostPayload) and its accessors; posts.go the entity, params and calls.

// PostPayload is the API's post bundle: the posts and everything they refer to. Posts
// answers (create, get, update, flag, review, lists) all have this shape; lists fill Paging.
// Use the lookup methods to resolve relations without another request.
type PostPayload struct {
	rawJSON
	// Posts are the posts asked for (one for a create, get or update).
	Posts []Post `json:"posts"`
	// PostChildren are their child posts (see Children).
	PostChildren []Post `json:"postChildren"`
	// Comments are their latest comments (see LatestComments).
	Comments []Comment `json:"comments"`
	// Users are the authors and mentioned users (see Author, UserByID).
	Users []User `json:"users"`
	// Files are the attached files (see PostFiles, FileByID).
	Files []File `json:"files"`
	// Communities, CommunityUsers and Categories describe the communities posted in and the
	// authors' memberships (see Community).
	Communities    []Community         `json:"communities"`
	CommunityUsers []CommunityUser     `json:"communityUsers"`
	Categories     []CommunityCategory `json:"categories"`
	// Feeds are the feeds the posts are in (see Feed).
	Feeds []Feed `json:"feeds"`
	// VideoStreamings are the live streams of liveStream posts (see VideoStreaming).
	VideoStreamings []VideoStreaming `json:"videoStreamings"`
	// VideoStreamingChildren are the child streams of those live streams (see ChildStreams).
	// GET /api/v5/posts's schema names the key videoStreamingsChildren; the API's clients read
	// videoStreamingChildren there too (docs/wire-notes.md, A18), as the SDK does.
	VideoStreamingChildren []VideoStreaming `json:"videoStreamingChildren"`
	// Polls are the polls of poll posts (see Poll).
	Polls []Poll `json:"polls"`
	// Roles are the roles of the users (see RoleByID).
	Roles []Role `json:"roles"`
	// Rooms are the live rooms of room posts (see Room); RoomChildren (the answer's
	// roomChildrens) their child rooms.
	Rooms        []Room `json:"rooms"`
	RoomChildren []Room `json:"roomChildrens"`
	// Products are the products tagged in the posts (see ProductByID).
	Products []Product `json:"products"`
	// Paging holds the cursors of a list answer.
	Paging Paging `json:"paging"`
}

func (p *PostPayload) pageItems() []Post { return p.Posts }
func (p *PostPayload) pageInfo() Paging  { return p.Paging }

// Post returns the first post of the answer (the one created, read or changed), or nil.
func (p *PostPayload) Post() *Post { return firstOf(p.Posts) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *PostPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *PostPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// PostByID returns the post or child post with the given public ID, or nil.
func (p *PostPayload) PostByID(postID string) *Post {
	key := func(x *Post) string { return x.PostID }
	if c := byID(p.PostChildren, postID, key); c != nil {
		return c
	}
	return byID(p.Posts, postID, key)
}

// CommentByID returns the sideloaded comment with the given public ID, or nil.
func (p *PostPayload) CommentByID(commentID string) *Comment {
	return byID(p.Comments, commentID, func(c *Comment) string { return c.CommentID })
}

// Author returns the user who posted post, or nil when the answer does not hold it.
func (p *PostPayload) Author(post *Post) *User {
	if post == nil {
		return nil
	}
	return findUserOf(p.Users, post.PostedUserID, post.PostedUserPublicID, post.PostedUserInternalID)
}

// Children returns the child posts of post (its images, files, videos or poll), in order.
func (p *PostPayload) Children(post *Post) []Post {
	if post == nil {
		return nil
	}
	return lookupAll(post.Children, p.PostByID)
}

// PostFiles returns the sideloaded files of post: those its own data refers to and those of its
// children (attachments, thumbnails, video renditions), in order and without repeats.
func (p *PostPayload) PostFiles(post *Post) []File {
	if post == nil {
		return nil
	}
	var ids []string
	ids = postsFileIDs(ids, &post.Data)
	for _, c := range p.Children(post) {
		ids = postsFileIDs(ids, &c.Data)
	}
	seen := map[string]bool{}
	var out []File
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if f := p.FileByID(id); f != nil {
			out = append(out, *f)
		}
	}
	return out
}

// postsFileIDs appends the file IDs a post's data names to ids.
func postsFileIDs(ids []string, d *PostData) []string {
	add := func(id string) {
		if id != "" {
			ids = append(ids, id)
		}
	}
	add(d.FileID)
	if v := d.VideoFileID; v != nil {
		add(v.Original)
		add(v.High)
		add(v.Medium)
		add(v.Low)
	}
	add(d.ThumbnailFileID)
	return ids
}

// Poll returns the poll of a poll post (referred to by the post or one of its children), or
// nil.
func (p *PostPayload) Poll(post *Post) *Poll {
	return postReferent(p, post, p.Polls, func(d *PostData) string { return d.PollID }, func(x *Poll) string { return x.PollID })
}

// VideoStreaming returns the live stream of a liveStream post (referred to by the post or
// one of its children), or nil.
func (p *PostPayload) VideoStreaming(post *Post) *VideoStreaming {
	return postReferent(p, post, p.VideoStreamings, func(d *PostData) string { return d.StreamID }, streamKey)
}

// ChildStreams returns the child streams of a live stream (its ChildStreamIDs, in
// VideoStreamingChildren, else VideoStreamings), in order.
func (p *PostPayload) ChildStreams(stream *VideoStreaming) []VideoStreaming {
	if stream == nil {
		return nil
	}
	return lookupAll(stream.ChildStreamIDs, func(id string) *VideoStreaming {
		if v := byID(p.VideoStreamingChildren, id, streamKey); v != nil {
			return v
		}
		return byID(p.VideoStreamings, id, streamKey)
	})
}

// Room returns the live room of a room post (referred to by the post or one of its
// children), or nil.
func (p *PostPayload) Room(post *Post) *Room {
	return postReferent(p, post, p.Rooms, func(d *PostData) string { return d.RoomID }, func(r *Room) string { return r.RoomID })
}

// RoomByID returns the sideloaded room, or child room, with the given public or internal ID,
// or nil.
func (p *PostPayload) RoomByID(roomID string) *Room { return findRoom(roomID, p.Rooms, p.RoomChildren) }

// ProductByID returns the sideloaded product with the given product ID (else internal ID), or
// nil.
func (p *PostPayload) ProductByID(productID string) *Product {
	return findProduct(p.Products, productID)
}

// RoleByID returns the sideloaded role with the given ID, or nil.
func (p *PostPayload) RoleByID(roleID string) *Role { return roleByID(p.Roles, roleID) }

// postReferent is the one lookup of what a post's data refers to by ID (its poll, its live
// stream): the item of items whose key is ref of the post's data, else of its children's.
func postReferent[T any](p *PostPayload, post *Post, items []T, ref func(*PostData) string, key func(*T) string) *T {
	if post == nil {
		return nil
	}
	if v := byID(items, ref(&post.Data), key); v != nil {
		return v
	}
	for _, c := range p.Children(post) {
		if v := byID(items, ref(&c.Data), key); v != nil {
			return v
		}
	}
	return nil
}

// Community returns the community a community post was posted in, or nil (for a post on a
// user's feed or content, or when the answer does not hold it).
func (p *PostPayload) Community(post *Post) *Community {
	if post == nil || post.TargetType != PostTargetCommunity {
		return nil
	}
	key := func(c *Community) string { return c.CommunityID }
	if c := byID(p.Communities, post.TargetID, key); c != nil {
		return c
	}
	return byID(p.Communities, post.TargetPublicID, key)
}

// LatestComments returns the sideloaded latest comments of post, in the order of
// post.Comments.
func (p *PostPayload) LatestComments(post *Post) []Comment {
	if post == nil {
		return nil
	}
	return lookupAll(post.Comments, p.CommentByID)
}

// Feed returns the feed post is in, or nil.
func (p *PostPayload) Feed(post *Post) *Feed {
	if post == nil {
		return nil
	}
	return byID(p.Feeds, post.FeedID, func(f *Feed) string { return f.FeedID })
}
