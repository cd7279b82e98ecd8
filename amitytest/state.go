package amitytest

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"
)

// networkID is the fake network every entity belongs to.
const networkID = "amitytest-network"

// adminUserID is the user that content created with the admin token is
// attributed to; it is created on first use.
const adminUserID = "admin"

// state is all the server's data; guarded by Server.mu.
type state struct {
	baseURL string
	started time.Time
	seq     int64
	idSeq   uint64

	users        map[string]*user
	sessions     map[string]*session // by access token
	deviceTokens map[string]string   // userId \x00 deviceId -> access token
	authTokens   map[string]*authToken
	blocks       map[string]map[string]time.Time // blocker -> blocked -> when

	files       map[string]*file
	posts       map[string]*post    // changed only through addPost and removePost (posts_index.go)
	pidx        *postIndex          // the posts' order and counts, made on first use
	comments    map[string]*comment // changed only through addComment and removeComment (comments_index.go)
	cidx        *commentIndex       // the comments by reference and target, made on first use
	communities map[string]*community
	categories  map[string]*category
	channels    map[string]*channel
	feeds       map[string]*messageFeed
	messages    map[string]*message
	polls       map[string]*poll

	// the word lists and moderation settings (moderation.go, moderation_legacy.go)
	blocklist        []*rule
	allowlist        []*rule
	whitelistEnabled bool
	disabledRules    map[string]*disabledRule // v2 rules switched off, by rule ID; made on first use
	modV2            moderationSettingsV2

	// network settings, roles, notification settings, presence and read markers
	settings      networkSettings
	roles         map[string]*role
	notifications map[string]*userNotifications // by user ID
	devices       map[string]*pushDevice        // by device ID
	presence      map[string]*presenceState     // by user ID
	presenceAt    time.Time                     // when the network setting last changed
	feedMarkers   map[string]*feedMarker        // user ID \x00 feed ID
	lastSync      map[string]time.Time          // by user ID: the last POST /api/v1/markers/sync

	// stories, follows, analytics, video streams, pins and ads
	stories   map[string]*story
	storySeen map[string]map[string]time.Time // userId -> target key -> latest seen story expiry

	follows        map[string]*followRel // from \x00 to
	followApproval bool

	views      map[string]*viewLog // contentType:contentId
	linkClicks map[string]int      // storyId -> clicks

	streams      map[string]*stream
	watchSeconds map[string]float64 // streamId -> seconds watched
	nonces       map[string]bool    // the nonces of the video-streaming user events seen

	communityPins []*pin
	globalPins    []*pin

	ads         []*ad
	advertisers []*advertiser
	adsEnabled  bool
	maxAds      int

	// events, invitations and community join requests, each made on first use by its file
	events       *eventStore       // events.go
	invitations  *invitationStore  // invitations.go
	joinRequests *joinRequestStore // community_join_requests.go
	live         *liveState        // rooms, viewer bans, room presence, live reactions, products (rooms.go)
	nsx          *nsState          // spec 4.116.1's settings, admin token, reports, archives and tray, made on first use (network_settings_4116.go)
	misc         miscState         // scheduled posts, bulk delete jobs, edit histories, bot and visitor sessions (misc_state.go)
}

func newState(now time.Time) *state {
	return &state{
		started:          now,
		users:            map[string]*user{},
		sessions:         map[string]*session{},
		deviceTokens:     map[string]string{},
		authTokens:       map[string]*authToken{},
		blocks:           map[string]map[string]time.Time{},
		files:            map[string]*file{},
		posts:            map[string]*post{},
		comments:         map[string]*comment{},
		communities:      map[string]*community{},
		categories:       map[string]*category{},
		channels:         map[string]*channel{},
		feeds:            map[string]*messageFeed{},
		messages:         map[string]*message{},
		polls:            map[string]*poll{},
		whitelistEnabled: true,
		modV2:            defaultModerationSettingsV2(now),
		settings:         defaultNetworkSettings(),
		roles:            map[string]*role{},
		notifications:    map[string]*userNotifications{},
		devices:          map[string]*pushDevice{},
		presence:         map[string]*presenceState{},
		presenceAt:       now,
		feedMarkers:      map[string]*feedMarker{},
		lastSync:         map[string]time.Time{},
		stories:          map[string]*story{},
		storySeen:        map[string]map[string]time.Time{},
		follows:          map[string]*followRel{},
		views:            map[string]*viewLog{},
		linkClicks:       map[string]int{},
		streams:          map[string]*stream{},
		watchSeconds:     map[string]float64{},
		nonces:           map[string]bool{},
		maxAds:           500,
	}
}

// nextSeq returns a strictly increasing number that orders entities created
// at the same instant.
func (st *state) nextSeq() int64 {
	st.seq++
	return st.seq
}

// newID returns a fresh 24-hex-digit id (the shape of the service's ids).
// Ids are deterministic: the same sequence of calls yields the same ids.
func (st *state) newID() string {
	st.idSeq++
	a := splitmix(st.idSeq)
	b := splitmix(st.idSeq ^ 0x5bd1e995)
	return fmt.Sprintf("%016x%08x", a, uint32(b))
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// stableID derives a 24-hex-digit id from a key.
func stableID(key string) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(key))
	a := h.Sum64()
	return fmt.Sprintf("%016x%08x", a, uint32(splitmix(a)))
}

// ts formats a time as the service does (RFC 3339, milliseconds, UTC).
func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// tsPtr is ts for optional times: nil for the zero time.
func tsPtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := ts(t)
	return &s
}

// nonNil returns s, or an empty slice for nil, so it encodes as [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// obj returns m, or an empty map for nil, so it encodes as {}.
func obj(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// flagSet records who flagged an entity.
type flagSet map[string]time.Time

func (f flagSet) count() int { return len(f) }

// reaction is one user's reaction on a post, comment or message.
type reaction struct {
	id        string
	name      string
	userID    string
	createdAt time.Time
}

// reactionSet holds the reactions on one entity, in creation order.
type reactionSet []*reaction

func (rs reactionSet) counts() map[string]any {
	m := map[string]any{}
	for _, r := range rs {
		n, _ := m[r.name].(int)
		m[r.name] = n + 1
	}
	return m
}

func (rs reactionSet) mine(userID string) []string {
	out := []string{}
	for _, r := range rs {
		if r.userID == userID {
			out = append(out, r.name)
		}
	}
	return out
}

// sortByCreated orders items by creation time (newest first when desc), with
// the sequence number breaking ties.
func sortByCreated[T any](items []T, key func(T) (time.Time, int64), desc bool) {
	sort.SliceStable(items, func(i, j int) bool {
		ti, si := key(items[i])
		tj, sj := key(items[j])
		if !ti.Equal(tj) {
			if desc {
				return ti.After(tj)
			}
			return ti.Before(tj)
		}
		if desc {
			return si > sj
		}
		return si < sj
	})
}

// softDeleted is an entity that deletion only marks deleted.
type softDeleted interface{ isDeleted() bool }

func (p *post) isDeleted() bool       { return p.deleted }
func (cm *comment) isDeleted() bool   { return cm.deleted }
func (ch *channel) isDeleted() bool   { return ch.deleted }
func (cm *community) isDeleted() bool { return cm.deleted }

// lookupIn finds entity id in m (deleted ones too), or answers not found with the message
// notFound (a format of the id).
func lookupIn[T any](m map[string]T, id, notFound string) (T, error) {
	e, ok := m[id]
	if !ok {
		return e, errNotFound(notFound, id)
	}
	return e, nil
}

// liveIn is lookupIn for operations a deleted entity refuses: it is not found either.
func liveIn[T softDeleted](m map[string]T, id, notFound string) (T, error) {
	e, ok := m[id]
	if !ok || e.isDeleted() {
		var none T
		return none, errNotFound(notFound, id)
	}
	return e, nil
}

// setOpt copies *v to *dst when v is given (an optional field of a request).
func setOpt[T any](dst, v *T) {
	if v != nil {
		*dst = *v
	}
}

// setOptWith stores f(*v) in *dst when v is given.
func setOptWith[T any](dst, v *T, f func(T) T) {
	if v != nil {
		*dst = f(*v)
	}
}

// sortByName orders items by name, case-insensitively; items of equal names are ordered by
// tie.
func sortByName[T any](items []T, name func(T) string, tie func(a, b T) bool) {
	sort.Slice(items, func(i, j int) bool {
		a, b := strings.ToLower(name(items[i])), strings.ToLower(name(items[j]))
		if a != b {
			return a < b
		}
		return tie(items[i], items[j])
	})
}

// containsString reports whether list contains s.
func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// removeString returns list without s.
func removeString(list []string, s string) []string {
	out := list[:0:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// addUnique appends s to list unless present.
func addUnique(list []string, s string) []string {
	if containsString(list, s) {
		return list
	}
	return append(list, s)
}

// uniq returns the distinct non-empty strings of list, in order.
func uniq(list []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// anyShared reports whether the lists share an element.
func anyShared(a, b []string) bool {
	for _, x := range a {
		if containsString(b, x) {
			return true
		}
	}
	return false
}
