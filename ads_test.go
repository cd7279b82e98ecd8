package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAdsGet(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v1/ads/me", fixture(t, "ads_me.json"))
	out, err := c.Ads.Get(ctx)
	require.NoError(t, err)
	assert.Equal(t, "GET", rec.last(t).Method)
	require.Len(t, out.Ads, 2)
	ad := out.AdByID("ad-1")
	require.NotNil(t, ad)
	assert.Equal(t, []amity.AdPlacement{amity.AdPlacementFeed, amity.AdPlacementStory}, ad.Placements)
	assert.Equal(t, "file-sq", ad.Image1x1)
	assert.Equal(t, "file-tall", ad.Image9x16)
	assert.Equal(t, "https://shop.test/boots", ad.CallToActionURL)
	assert.Equal(t, []string{"hikers"}, ad.Targets.CommunityIDs)
	assert.Equal(t, 2026, ad.StartAt.Year())
	assert.Equal(t, "Trail Company Ltd", out.Advertiser(ad).CompanyName)
	assert.Equal(t, "https://files.test/sq.png", out.FileByID(ad.Image1x1).FileURL)
	assert.Nil(t, out.Advertiser(nil))
	assert.Nil(t, out.AdByID("nope"))
	assert.True(t, out.Settings.Enabled)
	assert.Equal(t, 500, out.Settings.MaxActiveAds)
	assert.Equal(t, amity.AdFrequency{Type: amity.AdFrequencyTimeWindow, Value: 4}, *out.Settings.Frequency.Story)
	assert.Len(t, out.AdsByPlacement(amity.AdPlacementComment), 1)
	assert.Empty(t, out.AdsByPlacement(amity.AdPlacementChat))
	assert.Contains(t, string(out.Raw), "adFutureField")

	mt.RegisterResponder("GET", "https://api.test/api/v1/ads/me", jsonResponder(401, `{"status":"error","code":400100,"message":"Unauthorized"}`))
	_, err = c.Ads.Get(ctx)
	assert.ErrorIs(t, err, amity.ErrUnauthorized)
}
