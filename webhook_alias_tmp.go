package amity

// UserPayload is TEMPORARY: the lead deletes this file once UserPage is renamed UserPayload.
type UserPayload = UserPage
