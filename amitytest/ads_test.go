package amitytest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestAdsShowLiveAdsWhenEnabled: GET /api/v1/ads/me lists no ads until ads are enabled, then
// the ads that have not ended, with their advertisers.
func TestAdsShowLiveAdsWhenEnabled(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	m := ok(t, call(t, srv, alice, "GET", "/api/v1/ads/me", nil))
	assert.Empty(t, list(t, m, "ads"))
	assert.Equal(t, false, m["settings"].(map[string]any)["enabled"])
	srv.AddAd(Ad{Advertiser: "Trail Co", Name: "Boots", Placements: []string{"feed", "story"}, Headline: "New boots"})
	srv.AddAd(Ad{Advertiser: "Trail Co", Name: "Old", EndAt: time.Now().Add(-time.Hour)})
	srv.EnableAds(true, 0)
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/ads/me", nil))
	assert.Equal(t, []string{"Boots"}, ids(list(t, m, "ads"), "name"), "ended ads are left out")
	adv := list(t, m, "advertisers")[0]
	assert.Equal(t, "Trail Co", adv["name"])
	assert.EqualValues(t, 2, adv["adsCount"])
	assert.Equal(t, true, m["settings"].(map[string]any)["enabled"])
}
