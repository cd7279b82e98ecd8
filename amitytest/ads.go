package amitytest

import "time"

// Ad is an advertisement for Server.AddAd. Ads are made in the console on the real
// service; the fake takes them from the test.
type Ad struct {
	// Advertiser names the advertiser; ads of the same name share one.
	Advertiser string
	// Name, Headline, Description and Body are the ad's texts.
	Name, Headline, Description, Body string
	// Placements are feed, story, comment, chatList or chat (default feed).
	Placements []string
	// Image1x1 and Image9x16 are file IDs (uploaded to the fake, or any string).
	Image1x1, Image9x16 string
	// CallToAction and CallToActionURL are the button and its link.
	CallToAction, CallToActionURL string
	// CommunityIDs limits the ad to these communities.
	CommunityIDs []string
	// StartAt and EndAt bound when the ad runs; zero means unbounded.
	StartAt, EndAt time.Time
}

type ad struct {
	Ad
	id           string
	advertiserID string
	createdAt    time.Time
	seq          int64
}

type advertiser struct {
	id, name  string
	createdAt time.Time
}

// AddAd adds an ad and returns its ID. GET /api/v1/ads/me lists the running ads while ads
// are enabled (EnableAds).
func (s *Server) AddAd(a Ad) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	var adv *advertiser
	for _, v := range s.st.advertisers {
		if v.name == a.Advertiser {
			adv = v
		}
	}
	if adv == nil {
		adv = &advertiser{id: s.st.newID(), name: a.Advertiser, createdAt: now}
		s.st.advertisers = append(s.st.advertisers, adv)
	}
	if len(a.Placements) == 0 {
		a.Placements = []string{"feed"}
	}
	x := &ad{Ad: a, id: s.st.newID(), advertiserID: adv.id, createdAt: now, seq: s.st.nextSeq()}
	s.st.ads = append(s.st.ads, x)
	return x.id
}

// EnableAds turns the network's ads on or off (off by default) and sets how many may run at
// once (0 keeps the current number, 500 at first).
func (s *Server) EnableAds(enabled bool, maxActiveAds int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.adsEnabled = enabled
	if maxActiveAds > 0 {
		s.st.maxAds = maxActiveAds
	}
}

func (s *Server) routesAds() {
	s.route("GET /api/v1/ads/me", authUser, func(c *request) error {
		now := c.now()
		ads := []map[string]any{}
		counts := map[string]int{}
		used := map[string]bool{}
		files := c.sideload()
		for _, a := range c.st.ads {
			counts[a.advertiserID]++
			if !c.st.adsEnabled || len(ads) >= c.st.maxAds || (!a.StartAt.IsZero() && now.Before(a.StartAt)) || (!a.EndAt.IsZero() && !now.Before(a.EndAt)) {
				continue
			}
			used[a.advertiserID] = true
			j := map[string]any{
				"adId": a.id, "advertiserId": a.advertiserID, "name": a.Name, "placements": a.Placements,
				"headline": a.Headline, "description": a.Description, "body": a.Body,
				"callToAction": a.CallToAction, "callToActionUrl": a.CallToActionURL,
				"targets":   map[string]any{"communityIds": nonNil(a.CommunityIDs)},
				"createdAt": ts(a.createdAt), "updatedAt": ts(a.createdAt),
			}
			for key, id := range map[string]string{"image1_1": a.Image1x1, "image9_16": a.Image9x16} {
				if id != "" {
					j[key] = id
					files.addFile(id)
				}
			}
			if !a.StartAt.IsZero() {
				j["startAt"] = ts(a.StartAt)
			}
			if !a.EndAt.IsZero() {
				j["endAt"] = ts(a.EndAt)
			}
			ads = append(ads, j)
		}
		advertisers := []map[string]any{}
		for _, v := range c.st.advertisers {
			if used[v.id] {
				advertisers = append(advertisers, map[string]any{"advertiserId": v.id, "name": v.name, "companyName": v.name,
					"adsCount": counts[v.id], "createdAt": ts(v.createdAt), "updatedAt": ts(v.createdAt)})
			}
		}
		freq := func(v int) map[string]any { return map[string]any{"type": "fixed", "value": v} }
		return c.ok(map[string]any{
			"ads": ads, "advertisers": advertisers, "files": files.files(),
			"settings": map[string]any{"enabled": c.st.adsEnabled, "maxActiveAds": c.st.maxAds,
				"frequency": map[string]any{"feed": freq(5), "story": freq(4), "comment": freq(10)}},
		})
	})
}
