package amitytest

import "time"

// pin is a pinned post: in a community at a placement, or network-wide (global).
type pin struct {
	postID      string
	communityID string // empty for global pins
	placement   string // default, announcement or global
	pinnedBy    string
	pinnedAt    time.Time
	seq         int64
}

type pinJSON struct {
	ReferenceID   string `json:"referenceId"`
	ReferenceType string `json:"referenceType"`
	Placement     string `json:"placement"`
	PinnedBy      string `json:"pinnedBy"`
	PinnedAt      string `json:"pinnedAt"`
}

type pinTargetJSON struct {
	TargetID          string  `json:"targetId"`
	TargetType        string  `json:"targetType"`
	LastPinsUpdatedAt *string `json:"lastPinsUpdatedAt,omitempty"`
}

type pinsResponse struct {
	PinTargets []pinTargetJSON `json:"pinTargets"`
	Pins       []pinJSON       `json:"pins"`
	postsResponse
}

// pinsBody renders pins in order with the post bundle of their posts.
func (c *request) pinsBody(target pinTargetJSON, pins []*pin) pinsResponse {
	var posts []*post
	out := pinsResponse{PinTargets: []pinTargetJSON{target}, Pins: []pinJSON{}}
	for _, pn := range pins {
		out.Pins = append(out.Pins, pinJSON{ReferenceID: pn.postID, ReferenceType: "post", Placement: pn.placement, PinnedBy: pn.pinnedBy, PinnedAt: ts(pn.pinnedAt)})
		if p := c.st.posts[pn.postID]; p != nil {
			posts = append(posts, p)
		}
	}
	out.postsResponse = c.postsBody(posts, true)
	return out
}

// livePins drops the pins whose post is gone or deleted.
func (c *request) livePins(pins []*pin) []*pin {
	var out []*pin
	for _, pn := range pins {
		if p := c.st.posts[pn.postID]; p != nil && !p.deleted {
			out = append(out, pn)
		}
	}
	return out
}

// communityPins lists a community's pins (of a placement, or all), latest first unless asc.
func (c *request) communityPins(communityID, placement string, asc bool) []*pin {
	var list []*pin
	for _, pn := range c.livePins(c.st.communityPins) {
		if pn.communityID == communityID && (placement == "" || pn.placement == placement) {
			list = append(list, pn)
		}
	}
	sortByCreated(list, func(p *pin) (time.Time, int64) { return p.pinnedAt, p.seq }, !asc)
	return list
}

// globalPinsOrdered lists the global pins, latest first unless asc.
func (c *request) globalPinsOrdered(asc bool) []*pin {
	list := c.livePins(c.st.globalPins)
	sortByCreated(list, func(p *pin) (time.Time, int64) { return p.pinnedAt, p.seq }, !asc)
	return list
}

func lastPinned(pins []*pin) *string {
	var at time.Time
	for _, pn := range pins {
		if pn.pinnedAt.After(at) {
			at = pn.pinnedAt
		}
	}
	return tsPtr(at)
}

func (c *request) communityPinTarget(communityID string) pinTargetJSON {
	return pinTargetJSON{TargetID: communityID, TargetType: "community", LastPinsUpdatedAt: lastPinned(c.communityPins(communityID, "", false))}
}

func (c *request) globalPinTarget() pinTargetJSON {
	return pinTargetJSON{TargetID: networkID, TargetType: "network", LastPinsUpdatedAt: lastPinned(c.globalPinsOrdered(false))}
}

// pinCommunity reads {communityId} and {placement}; moderate requires the right to pin.
func (c *request) pinCommunity(moderate bool) (*community, string, error) {
	cm, err := c.liveCommunity(c.path("communityId"))
	if err != nil {
		return nil, "", err
	}
	placement := c.path("placement")
	if err := enum("placement", placement, "default", "announcement"); err != nil {
		return nil, "", err
	}
	if moderate && !c.canModerate(cm) {
		return nil, "", errPermission("You are not allowed to pin posts in this community")
	}
	if !moderate && !cm.isPublic && !c.isAdmin && !cm.isMember(c.identity) {
		return nil, "", errForbidden("You are not a member of this community")
	}
	return cm, placement, nil
}

// pinOrder is createdAtOrder, whose options may also come bare.
func (c *request) pinOrder() (bool, error) {
	c.bareOpts = true
	return c.createdAtOrder()
}

func removePin(pins []*pin, keep func(*pin) bool) []*pin {
	out := pins[:0:0]
	for _, pn := range pins {
		if keep(pn) {
			out = append(out, pn)
		}
	}
	return out
}

func (s *Server) routesPins() {
	s.route("POST /api/v1/pinned-posts/communities/{communityId}/{placement}/{postId}", authUser, func(c *request) error {
		cm, placement, err := c.pinCommunity(true)
		if err != nil {
			return err
		}
		p, err := c.livePost(c.path("postId"))
		if err != nil {
			return err
		}
		if p.parentID != "" || p.targetType != "community" || p.targetID != cm.id || p.feedType != "published" {
			return errBadRequest("The post is not a published post of this community")
		}
		// Pinning again moves the post to the top of its placement.
		c.st.communityPins = removePin(c.st.communityPins, func(pn *pin) bool {
			return !(pn.communityID == cm.id && pn.placement == placement && pn.postID == p.id)
		})
		c.st.communityPins = append(c.st.communityPins, &pin{postID: p.id, communityID: cm.id, placement: placement, pinnedBy: c.me().id, pinnedAt: c.now(), seq: c.st.nextSeq()})
		return c.ok(c.pinsBody(c.communityPinTarget(cm.id), c.communityPins(cm.id, placement, false)))
	})
	s.route("DELETE /api/v1/pinned-posts/communities/{communityId}/{placement}/{postId}", authUser, func(c *request) error {
		cm, placement, err := c.pinCommunity(true)
		if err != nil {
			return err
		}
		postID := c.path("postId")
		c.st.communityPins = removePin(c.st.communityPins, func(pn *pin) bool {
			return !(pn.communityID == cm.id && pn.placement == placement && pn.postID == postID)
		})
		return c.ok(c.pinsBody(c.communityPinTarget(cm.id), c.communityPins(cm.id, placement, false)))
	})
	s.route("GET /api/v1/pinned-posts/communities/{communityId}/{placement}", authUser, func(c *request) error {
		cm, placement, err := c.pinCommunity(false)
		if err != nil {
			return err
		}
		asc, err := c.pinOrder()
		if err != nil {
			return err
		}
		return c.ok(c.pinsBody(c.communityPinTarget(cm.id), c.communityPins(cm.id, placement, asc)))
	})
	s.route("GET /api/v1/pinned-posts/communities/{communityId}", authUser, func(c *request) error {
		cm, err := c.liveCommunity(c.path("communityId"))
		if err != nil {
			return err
		}
		if !cm.isPublic && !c.isAdmin && !cm.isMember(c.identity) {
			return errForbidden("You are not a member of this community")
		}
		asc, err := c.pinOrder()
		if err != nil {
			return err
		}
		return c.ok(c.pinsBody(c.communityPinTarget(cm.id), c.communityPins(cm.id, "", asc)))
	})
	clear := func(c *request, placement string) error {
		cm, err := c.liveCommunity(c.path("communityId"))
		if err != nil {
			return err
		}
		if !c.canModerate(cm) {
			return errPermission("You are not allowed to unpin posts in this community")
		}
		c.st.communityPins = removePin(c.st.communityPins, func(pn *pin) bool {
			return !(pn.communityID == cm.id && (placement == "" || pn.placement == placement))
		})
		return c.ok(map[string]bool{"success": true})
	}
	s.route("DELETE /api/v1/pinned-posts/communities/{communityId}", authUser, func(c *request) error { return clear(c, "") })
	s.route("DELETE /api/v1/pinned-posts/communities/{communityId}/{placement}", authUser, func(c *request) error {
		placement := c.path("placement")
		if err := enum("placement", placement, "default", "announcement"); err != nil {
			return err
		}
		return clear(c, placement)
	})

	s.route("POST /api/v1/pinned-posts/global/{postId}", authAdmin, func(c *request) error {
		p, err := c.livePost(c.path("postId"))
		if err != nil {
			return err
		}
		if p.parentID != "" || p.feedType != "published" {
			return errBadRequest("Only published parent posts can be featured")
		}
		c.st.globalPins = removePin(c.st.globalPins, func(pn *pin) bool { return pn.postID != p.id })
		c.st.globalPins = append(c.st.globalPins, &pin{postID: p.id, placement: "global", pinnedBy: c.me().id, pinnedAt: c.now(), seq: c.st.nextSeq()})
		return c.ok(c.pinsBody(c.globalPinTarget(), c.globalPinsOrdered(false)))
	})
	s.route("DELETE /api/v1/pinned-posts/global/{postId}", authAdmin, func(c *request) error {
		postID := c.path("postId")
		c.st.globalPins = removePin(c.st.globalPins, func(pn *pin) bool { return pn.postID != postID })
		return c.ok(c.pinsBody(c.globalPinTarget(), c.globalPinsOrdered(false)))
	})
	s.route("GET /api/v1/pinned-posts/global", authUser, func(c *request) error {
		var pins []*pin
		for _, pn := range c.globalPinsOrdered(false) {
			if p := c.st.posts[pn.postID]; p != nil && c.readablePost(p) {
				pins = append(pins, pn)
			}
		}
		return c.ok(c.pinsBody(c.globalPinTarget(), pins))
	})
	s.route("DELETE /api/v1/pinned-posts/global", authAdmin, func(c *request) error {
		c.st.globalPins = nil
		return c.ok(c.pinsBody(c.globalPinTarget(), nil))
	})
}
