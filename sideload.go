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

func findFile(files []File, fileID string) *File {
	for i := range files {
		if files[i].FileID == fileID {
			return &files[i]
		}
	}
	return nil
}
