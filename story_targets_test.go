package amity_test

// Stories by target, and the targets with their unseen state.

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStoriesByTargetsAndTargets(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	rec.route("GET", "/api/v4/stories-by-targets", `{"stories":[],"storyTargets":[]}`)
	rec.route("GET", "/api/v4/stories/seen", fixture(t, "stories_targets.json"))
	rec.route("GET", "/api/v4/stories/count", `{"count":7}`)
	rec.route("GET", "/api/v5/me/global-story-targets", fixture(t, "stories_targets.json"))
	targets := []amity.StoryRef{{TargetType: amity.StoryTargetCommunity, TargetID: "hikers"}, {TargetType: amity.StoryTargetUser, TargetID: "alice"}}

	_, err := c.Stories.ListByTargetsPage(ctx, &amity.ListStoriesByTargetsParams{Targets: targets, Order: amity.StoryOrderDesc, PageParams: amity.PageParams{Limit: 10}})
	require.NoError(t, err)
	q := rec.last(t).Values()
	assert.Equal(t, "hikers", q.Get("targets[0][targetId]"))
	assert.Equal(t, "community", q.Get("targets[0][targetType]"))
	assert.Equal(t, "alice", q.Get("targets[1][targetId]"))
	assert.Equal(t, "user", q.Get("targets[1][targetType]"))
	assert.Equal(t, "desc", q.Get("options[orderBy]"))
	assert.Equal(t, "10", q.Get("options[limit]"))
	items, err := drain(c.Stories.ListByTargets(ctx, &amity.ListStoriesByTargetsParams{Targets: targets}))
	require.NoError(t, err)
	assert.Empty(t, items)

	seen, err := c.Stories.GetTargets(ctx, &amity.GetTargetsParams{Targets: targets})
	require.NoError(t, err)
	assert.Equal(t, "alice", rec.last(t).Values().Get("targets[1][targetId]"))
	hikers := seen.TargetByID(amity.StoryTargetCommunity, "hikers")
	require.NotNil(t, hikers)
	assert.True(t, hikers.HasUnseen(), "never seen")
	assert.False(t, seen.TargetByID(amity.StoryTargetUser, "alice").HasUnseen(), "seen up to the latest")
	assert.Nil(t, seen.TargetByID(amity.StoryTargetUser, "hikers"))
	assert.Contains(t, string(seen.Raw), "targetFutureField")
	assert.Equal(t, "Hikers", seen.CommunityByID("hikers").DisplayName)
	assert.Equal(t, "Alice", seen.UserByID("alice").DisplayName)
	assert.Nil(t, seen.FileByID("none"))

	count, err := c.Stories.Count(ctx, &amity.CountStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "hikers"})
	require.NoError(t, err)
	assert.Equal(t, 7, count.Count)
	assert.Equal(t, "hikers", rec.last(t).Values().Get("targetId"))

	global, err := c.Stories.ListGlobalTargetsPage(ctx, &amity.ListGlobalTargetsParams{SeenState: amity.StorySeenUnseen, PageParams: amity.PageParams{Limit: 3, PageToken: "t1"}})
	require.NoError(t, err)
	q = rec.last(t).Values()
	assert.Equal(t, "unseen", q.Get("seenState"))
	assert.Equal(t, "3", q.Get("limit"))
	assert.Equal(t, "t1", q.Get("token"))
	assert.Len(t, global.StoryTargets, 2)
	all, err := drain(c.Stories.ListGlobalTargets(ctx, nil))
	require.NoError(t, err)
	assert.Len(t, all, 2)
	pgs, err := drain(c.Stories.ListGlobalTargetsPages(ctx, nil))
	require.NoError(t, err)
	assert.Len(t, pgs, 1)
	_, err = drain(c.Stories.ListByTargetsPages(ctx, &amity.ListStoriesByTargetsParams{Targets: targets}))
	require.NoError(t, err)

	before := mt.GetTotalCallCount()
	_, err = c.Stories.ListByTargetsPage(ctx, &amity.ListStoriesByTargetsParams{})
	assertInvalid(t, err, "Targets")
	_, err = c.Stories.ListByTargetsPage(ctx, &amity.ListStoriesByTargetsParams{Targets: make([]amity.StoryRef, 11)})
	assertInvalid(t, err, "Targets")
	_, err = c.Stories.ListByTargetsPage(ctx, &amity.ListStoriesByTargetsParams{Targets: []amity.StoryRef{{TargetType: amity.StoryTargetUser}}})
	assertInvalid(t, err, "Targets[0].TargetID")
	_, err = c.Stories.GetTargets(ctx, &amity.GetTargetsParams{Targets: []amity.StoryRef{{TargetID: "x"}}})
	assertInvalid(t, err, "Targets[0].TargetType")
	_, err = c.Stories.GetTargets(ctx, nil)
	assertInvalid(t, err, "params")
	_, err = c.Stories.Count(ctx, &amity.CountStoriesParams{TargetType: amity.StoryTargetUser})
	assertInvalid(t, err, "TargetID")
	_, err = c.Stories.Count(ctx, nil)
	assertInvalid(t, err, "params")
	assert.Equal(t, before, mt.GetTotalCallCount())
}
