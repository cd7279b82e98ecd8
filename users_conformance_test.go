package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Users.Get", Op: "GET /api/v3/users/{userId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.Get(ctx, "u1")) }},
		conformanceCase{Method: "Users.GetByInternalID", Op: "GET /api/v3/users/{userId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.GetByInternalID(ctx, "6f1")) }},
		conformanceCase{Method: "Users.ListPage", Op: "GET /api/v3/users",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.ListPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Users.ListPage(ctx, &amity.ListUsersParams{
					PageParams: amity.PageParams{Limit: 50, PageToken: "tok"}, Keyword: "al", ExactMatchKeyword: amity.Ptr(true),
					SearchBy: []amity.UserSearchField{amity.UserSearchDisplayName, amity.UserSearchProfileHandle, amity.UserSearchUserID},
					Filter:   amity.UserFilterFlagged, SortBy: amity.UserSortProfileHandle, IsDeleted: amity.Ptr(false)}))
			}},
		iteratorCase("Users.ListPages", "GET /api/v3/users", false, nil),
		conformanceCase{Method: "Users.GetMany", Op: "GET /api/v3/users/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Users.GetMany(ctx, &amity.GetManyUsersParams{UserIDs: []string{"u1", "u2"}}))
			}},
		conformanceCase{Method: "Users.Update", Op: "PUT /api/v3/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Users.Update(ctx, &amity.UpdateUserParams{UserID: "u1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Users.Update(ctx, &amity.UpdateUserParams{UserID: "u1", DisplayName: amity.Ptr("Alice"), Roles: []string{"moderator"},
					Metadata: map[string]any{"team": "blue"}, AvatarFileID: amity.Ptr("f1"), AvatarCustomURL: amity.Ptr("https://img.example/a.png"),
					Description: amity.Ptr("hi"), CreateIfNotFound: true}))
			}},
		conformanceCase{Method: "Users.Ban", Op: "POST /api/v2/users/ban",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Users.Ban(ctx, "u1") }},
		conformanceCase{Method: "Users.Unban", Op: "POST /api/v2/users/unban",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Users.Unban(ctx, "u1") }},
		conformanceCase{Method: "Users.ClearFlags", Op: "DELETE /api/v2/users/{userId}/flags",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.ClearFlags(ctx, "u1")) }},
		conformanceCase{Method: "Users.IsFlaggedByMe", Op: "GET /api/v3/users/{userId}/isFlagByMe", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.IsFlaggedByMe(ctx, "u1")) }},
		conformanceCase{Method: "Users.Flag", Op: "POST /api/v4/me/flags/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.Flag(ctx, "u1", nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Users.Flag(ctx, "u1", &amity.FlagUserParams{ReportType: amity.UserReportBehavior,
					Reason: amity.FlagReasonHarassmentOrBullying, Comment: "repeated insults"}))
			}},
		conformanceCase{Method: "Users.Unflag", Op: "DELETE /api/v4/me/flags/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.Unflag(ctx, "u1")) }},
		conformanceCase{Method: "Users.ListBlockedPage", Op: "GET /api/v4/me/user-blocks", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.ListBlockedPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Users.ListBlockedPage(ctx, &amity.ListBlockedUsersParams{PageParams: amity.PageParams{Limit: 25, PageToken: "tok"}}))
			}},
		iteratorCase("Users.ListBlockedPages", "GET /api/v4/me/user-blocks", true, nil),
		conformanceCase{Method: "Users.Block", Op: "POST /api/v4/me/user-blocks/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.Block(ctx, "u1")) }},
		conformanceCase{Method: "Users.Unblock", Op: "DELETE /api/v4/me/user-blocks/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.Unblock(ctx, "u1")) }},
		conformanceCase{Method: "Users.Delete", Op: "DELETE /api/v4/users/{userId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Users.Delete(ctx, "u1", nil) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Users.Delete(ctx, "u1", &amity.DeleteUserParams{DeleteAll: amity.Ptr(true), MarkMessageDeleted: amity.Ptr(true),
					HardDeletePost: amity.Ptr(false), HardDeleteComment: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Sessions.Register", Op: "POST /api/v5/sessions",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "u1", DeviceID: "d1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "u1", DeviceID: "d1", DisplayName: "Alice",
					ProfileHandle: "alice", AuthToken: "at", DeviceInfo: &amity.DeviceInfo{Kind: "node", Model: "server", SDKVersion: amity.Version}}))
			}},
		conformanceCase{Method: "Sessions.V4.Register", Op: "POST /api/v4/sessions",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Sessions.V4.Register(ctx, &amity.RegisterSessionParams{UserID: "u1", DeviceID: "d1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Sessions.V4.Register(ctx, &amity.RegisterSessionParams{UserID: "u1", DeviceID: "d1", DisplayName: "Alice", AuthToken: "at",
					DeviceInfo: &amity.DeviceInfo{Kind: "node", Model: "server", SDKVersion: amity.Version}}))
			}},
		conformanceCase{Method: "Sessions.V3.Register", Op: "POST /api/v3/sessions",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Sessions.V3.Register(ctx, &amity.RegisterSessionParams{UserID: "u1", DeviceID: "d1"}))
			}},
		conformanceCase{Method: "Sessions.CreateAuthToken", Op: "POST /api/v4/authentication/token",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Sessions.CreateAuthToken(ctx, "u1")) }},
		conformanceCase{Method: "Sessions.V3.GetAuthToken", Op: "GET /api/v3/authentication/token",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Sessions.V3.GetAuthToken(ctx, "u1")) }},
		conformanceCase{Method: "Sessions.GetStatus", Op: "GET /api/v3/sessions", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Sessions.GetStatus(ctx)) }},
		conformanceCase{Method: "Sessions.Revoke", Op: "DELETE /api/v4/sessions", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return c.Sessions.Revoke(ctx) }},
		conformanceCase{Method: "Sessions.RevokeUser", Op: "DELETE /api/v4/sessions/users/{userId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Sessions.RevokeUser(ctx, "u1", nil) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Sessions.RevokeUser(ctx, "u1", &amity.RevokeUserParams{IsPublic: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Sessions.RevokeUserByQuery", Op: "DELETE /api/v4/sessions",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Sessions.RevokeUserByQuery(ctx, "u1", nil) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Sessions.RevokeUserByQuery(ctx, "u1", &amity.RevokeUserParams{IsPublic: amity.Ptr(false)})
			}},
	)
}
