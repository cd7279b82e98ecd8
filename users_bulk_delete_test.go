package amity_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUsersBulkDeleteFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"users_bulk_delete_jobs.json": {"GET", "/api/v1/users/bulk-delete/jobs"},
		"users_blockers_page1.json":   {"GET", "/api/v4/me/blockers"},
		"users_blockers_page2.json":   {"GET", "/api/v4/me/blockers"},
	})
}

func TestUsersCreateBulkDeleteJob(t *testing.T) {
	srv := &uploadServer{body: fixture(t, "users_bulk_delete_job.json")}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := serverClient(t, ts.URL)
	ctx := context.Background()

	out, err := c.Users.CreateBulkDeleteJob(ctx, &amity.CreateBulkDeleteJobParams{UserIDs: []string{"spam-1", "spam 2", "spam@3"},
		Options: &amity.DeleteUserParams{DeleteAll: amity.Ptr(true), HardDeletePost: amity.Ptr(false)}})
	require.NoError(t, err)
	assert.Equal(t, "65c000000000000000000003", out.ID)
	_, err = c.Users.CreateBulkDeleteJob(ctx, &amity.CreateBulkDeleteJobParams{CSV: strings.NewReader("userId\nu1\n")})
	require.NoError(t, err)

	reqs := srv.requests(t)
	require.Len(t, reqs, 2)
	r := reqs[0]
	assert.Equal(t, "POST", r.Method)
	assert.Equal(t, "/api/v1/users/bulk-delete/jobs", r.Path)
	assert.Equal(t, "Bearer "+leakAdminToken, r.Header.Get("Authorization"))
	require.Len(t, r.Parts, 2)
	assert.Equal(t, receivedPart{Field: "file", Filename: "users.csv", ContentType: "text/csv", Data: []byte("spam-1\nspam 2\nspam@3\n")}, r.Parts[0])
	assert.Equal(t, "deleteOptions", r.Parts[1].Field)
	assert.JSONEq(t, `{"deleteAll":true,"hardDeletePost":false}`, string(r.Parts[1].Data), "unset options are left to the server")
	require.Len(t, reqs[1].Parts, 1, "no options, no field")
	assert.Equal(t, "userId\nu1\n", string(reqs[1].Parts[0].Data), "a caller's CSV goes as it is")
}

func TestUsersCreateBulkDeleteJobRules(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "rules", method: "POST", path: "/api/v1/users/bulk-delete/jobs", attempts: 1, empty: `{}`, unsuccessful: successFalse,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Users.CreateBulkDeleteJob(ctx, &amity.CreateBulkDeleteJobParams{UserIDs: []string{"u1"}})
			}},
	})
	c, mt := mockClient(t)
	ctx := context.Background()
	job := func(p *amity.CreateBulkDeleteJobParams) func() error {
		return func() error { return errOf(c.Users.CreateBulkDeleteJob(ctx, p)) }
	}
	assertInvalidCases(t, map[string]invalidCase{
		"nil":           {"Users.CreateBulkDeleteJob: params", job(nil)},
		"nobody":        {"UserIDs", job(&amity.CreateBulkDeleteJobParams{})},
		"both":          {"CSV", job(&amity.CreateBulkDeleteJobParams{UserIDs: []string{"u1"}, CSV: strings.NewReader("u1")})},
		"blank ID":      {"UserIDs", job(&amity.CreateBulkDeleteJobParams{UserIDs: []string{"u1", " "}})},
		"comma":         {"UserIDs", job(&amity.CreateBulkDeleteJobParams{UserIDs: []string{"a,b"}})},
		"newline":       {"UserIDs", job(&amity.CreateBulkDeleteJobParams{UserIDs: []string{"a\nb"}})},
		"empty CSV":     {"CSV", job(&amity.CreateBulkDeleteJobParams{CSV: strings.NewReader(" \n")})},
		"unreadable":    {"CSV", job(&amity.CreateBulkDeleteJobParams{CSV: iotestErrReader("disk gone")})},
		"huge CSV":      {"CSV", job(&amity.CreateBulkDeleteJobParams{CSV: strings.NewReader(strings.Repeat("u\n", 16<<20+1))})},
		"options alone": {"UserIDs", job(&amity.CreateBulkDeleteJobParams{Options: &amity.DeleteUserParams{}})},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestUsersGetBulkDeleteJobs(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "jobs", method: "GET", path: "/api/v1/users/bulk-delete/jobs", answer: fixture(t, "users_bulk_delete_jobs.json"), attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Users.GetBulkDeleteJobs(ctx) },
			check: func(t *testing.T, out any) {
				p := out.(*amity.BulkDeleteJobsPayload)
				assert.Equal(t, "65c000000000000000000002", p.ID)
				require.Len(t, p.Statuses, 2)
				assert.Equal(t, amity.BulkDeleteJobDone, p.StatusByID("65c000000000000000000001").Status)
				assert.Equal(t, amity.BulkDeleteJobRunning, p.StatusByID(p.ID).Status)
				assert.Nil(t, p.StatusByID("none"))
				assert.False(t, p.IsDone(), "a job is running")
				assert.Equal(t, atTime(t, "2025-10-08T10:30:00Z"), p.LastCreatedAt)
				assert.Equal(t, atTime(t, "2025-10-08T11:00:00Z"), p.LastUpdatedAt)
				assert.Contains(t, string(p.Raw), "jobsFutureField")
			}},
	})
	var done amity.BulkDeleteJobsPayload
	require.NoError(t, json.Unmarshal([]byte(`{"statuses":[{"_id":"a","status":"DONE"},{"_id":"b","status":"FAIL"}]}`), &done))
	assert.True(t, done.IsDone())
}

func TestUsersListBlockers(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := recordPages(t, mt, "/api/v4/me/blockers", "token", "blockers-2",
		fixture(t, "users_blockers_page1.json"), fixture(t, "users_blockers_page2.json"))
	ctx := context.Background()
	var names []string
	for b, err := range u.Users.ListBlockers(ctx, &amity.ListBlockersParams{PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		names = append(names, b.UserID)
	}
	assert.Equal(t, []string{"mallory", "trent", "eve"}, names, "a blocker not sideloaded is given by its ID")
	assert.Equal(t, []string{"limit=2", "limit=2&token=blockers-2"}, rec.queries())
	assert.Equal(t, "Bearer user-tok", rec.last(t).Header.Get("Authorization"))

	page, err := u.Users.ListBlockersPage(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 3, *page.Paging.Total)
	assert.Equal(t, "Mallory", page.Blocker(&page.Follows[0]).DisplayName)
	assert.Nil(t, page.Blocker(&page.Follows[1]))
	assert.Nil(t, page.Blocker(nil))
	assert.Equal(t, amity.UserFollowBlocked, page.Follows[0].Status)
	assert.Equal(t, "alice", page.Follows[0].ToUserPublicID)
	assert.Equal(t, "m.png", page.FileByID(page.UserByID("mallory").AvatarFileID).Attributes.Name)
	assert.Contains(t, string(page.Raw), "blockerFutureField")
	n := 0
	for pg, err := range u.Users.ListBlockersPages(ctx, nil) {
		require.NoError(t, err)
		n += len(pg.Blockers())
	}
	assert.Equal(t, 3, n)
	var bare amity.BlockersPayload
	require.NoError(t, json.Unmarshal([]byte(`{"users":[{"userId":"x"}]}`), &bare))
	assert.Equal(t, "x", bare.Blockers()[0].UserID, "without relations, the users")

	_, err = u.Users.ListBlockersPage(ctx, &amity.ListBlockersParams{PageParams: amity.PageParams{Limit: 101}})
	assertInvalid(t, err, "Users.ListBlockersPage: Limit")
}

func TestUsersBulkDeleteErrors(t *testing.T) {
	c, mt := mockClient(t)
	recordAny(t, mt, `{"status":"error","code":400300,"message":"Forbidden error."}`, 403)
	_, err := c.Users.GetBulkDeleteJobs(context.Background())
	var ae *amity.Error
	require.True(t, errors.As(err, &ae))
	assert.ErrorIs(t, err, amity.ErrForbidden)
	assert.Equal(t, "Forbidden error.", ae.Message)
}
