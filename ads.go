package amity

import (
	"context"
	"net/http"
	"slices"
)

// AdsService reads the network's ads, their advertisers and the ad settings (ads are made in
// the console). Reach it as Client.Ads.
type AdsService struct{ c *Client }

// AdPlacement is where an ad may show.
type AdPlacement string

// Ad placements.
const (
	AdPlacementFeed     AdPlacement = "feed"
	AdPlacementStory    AdPlacement = "story"
	AdPlacementComment  AdPlacement = "comment"
	AdPlacementChatList AdPlacement = "chatList"
	AdPlacementChat     AdPlacement = "chat"
)

// AdFrequencyType says how an ad frequency counts.
type AdFrequencyType string

// Ad frequency types: every Value items (fixed) or once per Value minutes (time-window).
const (
	AdFrequencyFixed      AdFrequencyType = "fixed"
	AdFrequencyTimeWindow AdFrequencyType = "time-window"
)

// Ad is an advertisement.
type Ad struct {
	AdID         string `json:"adId"`
	AdvertiserID string `json:"advertiserId,omitempty"`
	// Name is at most 100 characters.
	Name       string        `json:"name,omitempty"`
	Placements []AdPlacement `json:"placements,omitempty"`
	// Headline (≤70), Description (≤40) and Body (≤180) are the ad's texts.
	Headline    string `json:"headline,omitempty"`
	Description string `json:"description,omitempty"`
	Body        string `json:"body,omitempty"`
	// Image1x1 and Image9x16 are the file IDs of the square and the portrait image.
	Image1x1  string `json:"image1_1,omitempty"`
	Image9x16 string `json:"image9_16,omitempty"`
	// CallToAction (≤20) is the button's text; CallToActionURL (≤1,000) its link.
	CallToAction    string `json:"callToAction,omitempty"`
	CallToActionURL string `json:"callToActionUrl,omitempty"`
	// Targets limits where the ad shows.
	Targets   *AdTargets `json:"targets,omitempty"`
	StartAt   Time       `json:"startAt"`
	EndAt     Time       `json:"endAt"`
	CreatedAt Time       `json:"createdAt"`
	UpdatedAt Time       `json:"updatedAt"`
}

// AdTargets are the communities an ad is limited to (at most 20).
type AdTargets struct {
	CommunityIDs []string `json:"communityIds,omitempty"`
}

// Advertiser is the owner of ads.
type Advertiser struct {
	AdvertiserID string `json:"advertiserId"`
	Name         string `json:"name,omitempty"`
	CompanyName  string `json:"companyName,omitempty"`
	AvatarFileID string `json:"avatarFileId,omitempty"`
	// AdsCount is the number of ads the advertiser created.
	AdsCount  int  `json:"adsCount,omitempty"`
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
}

// AdSettings are the network's ad settings.
type AdSettings struct {
	Enabled bool `json:"enabled"`
	// MaxActiveAds is the number of ads that may run at once (default 500).
	MaxActiveAds int `json:"maxActiveAds,omitempty"`
	// Frequency is how often ads show, per placement.
	Frequency AdFrequencies `json:"frequency"`
}

// AdFrequencies are the ad frequencies of the feed, story and comment placements.
type AdFrequencies struct {
	Feed    *AdFrequency `json:"feed,omitempty"`
	Story   *AdFrequency `json:"story,omitempty"`
	Comment *AdFrequency `json:"comment,omitempty"`
}

// AdFrequency is how often ads show in one placement.
type AdFrequency struct {
	Type AdFrequencyType `json:"type,omitempty"`
	// Value is 1 to 65,535 (defaults: feed 5, story 4, comment 10).
	Value int `json:"value,omitempty"`
}

// AdPayload is the answer of Ads.Get: the ads, their advertisers and images, and the
// settings.
type AdPayload struct {
	rawJSON
	Ads         []Ad         `json:"ads"`
	Advertisers []Advertiser `json:"advertisers"`
	Files       []File       `json:"files"`
	Settings    AdSettings   `json:"settings"`
}

// AdByID returns the ad with the given ID, or nil.
func (p *AdPayload) AdByID(id string) *Ad {
	return byID(p.Ads, id, func(a *Ad) string { return a.AdID })
}

// AdvertiserByID returns the advertiser with the given ID, or nil.
func (p *AdPayload) AdvertiserByID(id string) *Advertiser {
	return byID(p.Advertisers, id, func(a *Advertiser) string { return a.AdvertiserID })
}

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *AdPayload) FileByID(id string) *File { return findFile(p.Files, id) }

// Advertiser returns the advertiser of ad, or nil.
func (p *AdPayload) Advertiser(ad *Ad) *Advertiser {
	if ad == nil {
		return nil
	}
	return p.AdvertiserByID(ad.AdvertiserID)
}

// AdsByPlacement returns the ads that may show at a placement, in the answer's order.
func (p *AdPayload) AdsByPlacement(placement AdPlacement) []Ad {
	var out []Ad
	for _, ad := range p.Ads {
		if slices.Contains(ad.Placements, placement) {
			out = append(out, ad)
		}
	}
	return out
}

// Get returns the network's ads, their advertisers and the ad settings. GET /api/v1/ads/me.
func (s *AdsService) Get(ctx context.Context, opts ...CallOption) (*AdPayload, error) {
	const op = "Ads.Get"
	return call[AdPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/ads/me", opts: opts})
}
