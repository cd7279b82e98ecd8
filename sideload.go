package amity

// This file is the one home of sideload lookups: the users, files and other entities an
// answer carries beside its main entities, found by ID.

// byID returns the first item whose key is id, or nil (also for an empty id).
func byID[T any](items []T, id string, key func(*T) string) *T {
	if id == "" {
		return nil
	}
	for i := range items {
		if key(&items[i]) == id {
			return &items[i]
		}
	}
	return nil
}

// findUser finds a sideloaded user by public ID, else by internal or private ID.
func findUser(users []User, userID string) *User {
	if userID == "" {
		return nil
	}
	for i := range users {
		if users[i].UserID == userID {
			return &users[i]
		}
	}
	for i := range users {
		if u := &users[i]; u.UserPublicID == userID || u.UserInternalID == userID || u.ID == userID {
			return u
		}
	}
	return nil
}

// findFile finds a sideloaded file by ID.
func findFile(files []File, fileID string) *File {
	for i := range files {
		if files[i].FileID == fileID {
			return &files[i]
		}
	}
	return nil
}

// findUserOf returns the first sideloaded user matching one of ids (the public, then the
// other forms of one user's ID), or nil.
func findUserOf(users []User, ids ...string) *User {
	for _, id := range ids {
		if u := findUser(users, id); u != nil {
			return u
		}
	}
	return nil
}

// roleByID returns the sideloaded role with the given ID, or nil: the lookup of the roles
// that user, comment, post, poll, reaction, story and message answers carry.
func roleByID(roles []Role, roleID string) *Role {
	return byID(roles, roleID, func(r *Role) string { return r.RoleID })
}

// lookupAll resolves ids with find, in order, leaving out those not found.
func lookupAll[T any](ids []string, find func(string) *T) []T {
	var out []T
	for _, id := range ids {
		if v := find(id); v != nil {
			out = append(out, *v)
		}
	}
	return out
}

// firstOf returns the first of items, or nil: the primary-entity accessors (Post(),
// Comment(), Poll(), ...).
func firstOf[T any](items []T) *T {
	if len(items) == 0 {
		return nil
	}
	return &items[0]
}

// communityKey is a community's public ID, else its private ID: the key of the community
// sideloads that carry either.
func communityKey(c *Community) string {
	if c.CommunityID != "" {
		return c.CommunityID
	}
	return c.ID
}

// communityCategoryID is the key of a category, for byID.
func communityCategoryID(c *CommunityCategory) string { return c.CategoryID }
