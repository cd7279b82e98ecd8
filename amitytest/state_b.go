package amitytest

import "time"

// stateB is the state of the stories, follows, analytics, streams, pins and ads areas. It
// lives in state.opsB and is guarded by Server.mu like the rest of the state.
type stateB struct {
	stories   map[string]*story
	storySeen map[string]map[string]time.Time // userId -> target key -> latest seen story expiry

	follows        map[string]*followRel // from \x00 to
	followApproval bool

	views      map[string]*viewLog // contentType:contentId
	linkClicks map[string]int      // storyId -> clicks

	streams      map[string]*stream
	watchSeconds map[string]float64 // streamId -> seconds watched
	nonces       map[string]bool

	communityPins []*pin
	globalPins    []*pin

	ads         []*ad
	advertisers []*advertiser
	adsEnabled  bool
	maxAds      int
}

// b returns the B-area state, creating it on first use.
func (st *state) b() *stateB {
	if st.opsB == nil {
		st.opsB = &stateB{
			stories:      map[string]*story{},
			storySeen:    map[string]map[string]time.Time{},
			follows:      map[string]*followRel{},
			views:        map[string]*viewLog{},
			linkClicks:   map[string]int{},
			streams:      map[string]*stream{},
			watchSeconds: map[string]float64{},
			nonces:       map[string]bool{},
			maxAds:       500,
		}
	}
	return st.opsB
}
