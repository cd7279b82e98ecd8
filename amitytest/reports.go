package amitytest

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"fmt"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The reports (GET /api/v1/reports/...) and the community metrics (GET
// /api/v1/analytics/community-metrics/...), computed from the fake's state when asked:
//
//   - moderation activity: one CSV report file per UTC day that had moderation activity: the
//     flags of posts, comments, messages and users, deleted posts, comments and messages, and
//     global, community and channel bans;
//   - users' last activity: a CSV of each user's last authenticated call, behind a download
//     URL of the fake that needs no credentials;
//   - first-party data: a CSV export of users, communities, community members, roles, and the
//     posts, comments and reactions of the last 90 days;
//   - community metrics: posts, comments and reactions of a community's posts, members joining
//     and leaving, and the engagement per weekday and per UTC hour.
//
// The downloads answer the CSV itself (200, text/csv) where the service redirects to a
// signed URL.

// issuedDownload is a file the fake serves at a download URL it issued.
type issuedDownload struct {
	name      string
	data      []byte
	expiresAt time.Time
}

// downloadTTL is how long a download URL works.
const downloadTTL = time.Hour

// noteCall records identity's call at now: the users' last activity report. s.mu is held.
func (st *state) noteCall(identity string, now time.Time) {
	if identity != "" {
		st.ns4116().lastCall[identity] = now
	}
}

// modEvent is one moderation activity.
type modEvent struct {
	at         time.Time
	activity   string // flag, delete, global_ban or ban
	targetType string // post, comment, message or user
	targetID   string
	userID     string // the flagger, the deleted content's author, or the banned user
	scope      string // for a ban: network, community:<id> or channel:<id>
}

// moderationEvents lists the moderation activity of the state, oldest first.
func (st *state) moderationEvents() []modEvent {
	var out []modEvent
	flags := func(targetType, id string, fs flagSet) {
		for uid, at := range fs {
			out = append(out, modEvent{at: at, activity: "flag", targetType: targetType, targetID: id, userID: uid})
		}
	}
	for _, p := range st.posts {
		flags("post", p.id, p.flags)
		if p.deleted {
			out = append(out, modEvent{at: p.updatedAt, activity: "delete", targetType: "post", targetID: p.id, userID: p.postedUserID})
		}
	}
	for _, cm := range st.comments {
		flags("comment", cm.id, cm.flags)
		if cm.deleted {
			out = append(out, modEvent{at: cm.updatedAt, activity: "delete", targetType: "comment", targetID: cm.id, userID: cm.userID})
		}
	}
	for _, m := range st.messages {
		flags("message", m.id, m.flags)
		if m.deleted {
			out = append(out, modEvent{at: m.updatedAt, activity: "delete", targetType: "message", targetID: m.id, userID: m.creatorID})
		}
	}
	for _, u := range st.users {
		flags("user", u.id, u.flags)
		if u.globalBan {
			out = append(out, modEvent{at: u.updatedAt, activity: "global_ban", targetType: "user", targetID: u.id, userID: u.id, scope: "network"})
		}
	}
	bans := func(scope string, ms memberSet) {
		for uid, m := range ms {
			if m.status == "banned" {
				out = append(out, modEvent{at: m.updatedAt, activity: "ban", targetType: "user", targetID: uid, userID: uid, scope: scope})
			}
		}
	}
	for _, cm := range st.communities {
		bans("community:"+cm.id, cm.members)
	}
	for _, ch := range st.channels {
		bans("channel:"+ch.id, ch.members)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.at.Equal(b.at) {
			return a.at.Before(b.at)
		}
		return a.activity+a.targetType+a.targetID+a.userID < b.activity+b.targetType+b.targetID+b.userID
	})
	return out
}

// reportFile is one moderation activity report: the events of one UTC day.
type reportFile struct {
	fileID, name string
	data         []byte
	modified     time.Time
}

type reportFileJSON struct {
	FileID       string `json:"fileId"`
	FileName     string `json:"fileName"`
	FileSize     int    `json:"fileSize"`
	LastModified string `json:"lastModified"`
}

// moderationReports returns the report files, newest day first.
func (st *state) moderationReports() []reportFile {
	byDay := map[string][]modEvent{}
	for _, e := range st.moderationEvents() {
		day := e.at.UTC().Format(reportDateLayout)
		byDay[day] = append(byDay[day], e)
	}
	days := make([]string, 0, len(byDay))
	for d := range byDay {
		days = append(days, d)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(days)))
	out := make([]reportFile, 0, len(days))
	for _, d := range days {
		rows := [][]string{{"occurredAt", "activity", "targetType", "targetId", "userId", "scope"}}
		var last time.Time
		for _, e := range byDay[d] {
			rows = append(rows, []string{ts(e.at), e.activity, e.targetType, e.targetID, e.userID, e.scope})
			if e.at.After(last) {
				last = e.at
			}
		}
		name := "moderation-activity-" + d + ".csv"
		out = append(out, reportFile{fileID: base64.StdEncoding.EncodeToString([]byte(name)), name: name, data: csvBytes(rows), modified: last})
	}
	return out
}

// csvBytes writes rows as CSV.
func csvBytes(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.WriteAll(rows) // a bytes.Buffer does not fail
	return b.Bytes()
}

// writeCSV answers a CSV file named name.
func (c *request) writeCSV(name string, data []byte) error {
	c.w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	c.w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(data)
	return nil
}

// firstPartyTypes are the first-party exports, with the days of content they hold (0: all).
var firstPartyTypes = map[string]int{
	"comments_last_90d": 90, "communities": 0, "community_members": 0, "posts_last_90d": 90,
	"reactions_last_90d": 90, "roles": 0, "users": 0,
}

// firstPartyRows builds the export of dataType at now, rows sorted for a stable file.
func (st *state) firstPartyRows(dataType string, now time.Time) [][]string {
	since := now.AddDate(0, 0, -firstPartyTypes[dataType])
	recent := func(t time.Time) bool { return firstPartyTypes[dataType] == 0 || !t.Before(since) }
	var rows [][]string
	add := func(r ...string) { rows = append(rows, r) }
	b := strconv.FormatBool
	switch dataType {
	case "users":
		for _, u := range st.users {
			add(u.id, u.internalID, u.displayName, strings.Join(u.roles, ";"), b(u.globalBan), b(u.deleted), ts(u.createdAt), ts(u.updatedAt))
		}
		return csvWithHeader(rows, "userId", "userInternalId", "displayName", "roles", "isGlobalBan", "isDeleted", "createdAt", "updatedAt")
	case "communities":
		for _, cm := range st.communities {
			add(cm.id, cm.displayName, b(cm.isPublic), b(cm.isOfficial), strconv.Itoa(len(cm.members.withStatus("member"))), b(cm.deleted), ts(cm.createdAt))
		}
		return csvWithHeader(rows, "communityId", "displayName", "isPublic", "isOfficial", "membersCount", "isDeleted", "createdAt")
	case "community_members":
		for _, cm := range st.communities {
			for uid, m := range cm.members {
				add(cm.id, uid, m.status, strings.Join(m.roles, ";"), ts(m.createdAt), ts(m.updatedAt))
			}
		}
		return csvWithHeader(rows, "communityId", "userId", "status", "roles", "createdAt", "updatedAt")
	case "roles":
		for _, r := range st.roles {
			if !r.deleted {
				add(r.id, r.displayName, strings.Join(r.permissions, ";"), ts(r.createdAt))
			}
		}
		return csvWithHeader(rows, "roleId", "displayName", "permissions", "createdAt")
	case "posts_last_90d":
		for _, p := range st.posts {
			if recent(p.createdAt) {
				add(p.id, p.postedUserID, p.targetType, p.targetID, p.dataType, b(p.deleted), ts(p.createdAt))
			}
		}
		return csvWithHeader(rows, "postId", "postedUserId", "targetType", "targetId", "dataType", "isDeleted", "createdAt")
	case "comments_last_90d":
		for _, cm := range st.comments {
			if recent(cm.createdAt) {
				add(cm.id, cm.userID, cm.referenceType, cm.referenceID, cm.parentID, b(cm.deleted), ts(cm.createdAt))
			}
		}
		return csvWithHeader(rows, "commentId", "userId", "referenceType", "referenceId", "parentId", "isDeleted", "createdAt")
	case "reactions_last_90d":
		each := func(refType, refID string, rs reactionSet) {
			for _, r := range rs {
				if recent(r.createdAt) {
					add(refType, refID, r.name, r.userID, ts(r.createdAt))
				}
			}
		}
		for _, p := range st.posts {
			each("post", p.id, p.reactions)
		}
		for _, cm := range st.comments {
			each("comment", cm.id, cm.reactions)
		}
		for _, m := range st.messages {
			each("message", m.id, m.reactions)
		}
		return csvWithHeader(rows, "referenceType", "referenceId", "reactionName", "userId", "createdAt")
	}
	return nil
}

// csvWithHeader sorts rows and puts header first.
func csvWithHeader(rows [][]string, header ...string) [][]string {
	sort.Slice(rows, func(i, j int) bool { return strings.Join(rows[i], "\x00") < strings.Join(rows[j], "\x00") })
	return append([][]string{header}, rows...)
}

// withStatus returns the user IDs of the memberships of status.
func (ms memberSet) withStatus(status string) []string {
	var out []string
	for uid, m := range ms {
		if m.status == status {
			out = append(out, uid)
		}
	}
	return out
}

func (s *Server) routesReports() {
	s.route("GET /api/v1/reports/moderation-activity", authAdmin, func(c *request) error {
		c.bareOpts = true
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		files := c.st.moderationReports()
		win, cur := paginate(files, p)
		list := make([]reportFileJSON, 0, len(win))
		for _, f := range win {
			list = append(list, reportFileJSON{FileID: f.fileID, FileName: f.name, FileSize: len(f.data), LastModified: ts(f.modified)})
		}
		return c.ok(map[string]any{"reports": list, "paging": cur.nextPrevious()})
	})
	s.route("GET /api/v1/reports/moderation-activity/download", authAdmin, func(c *request) error {
		id, name := c.q("fileId"), c.q("fileName")
		if id == "" && name == "" {
			return errBadRequest("Parameters validation error: fileId or fileName is required")
		}
		for _, f := range c.st.moderationReports() {
			if (id == "" || f.fileID == id) && (name == "" || f.name == name) {
				return c.writeCSV(f.name, f.data)
			}
		}
		return errNotFound("Resource Not Found.")
	})
	s.route("GET /api/v1/reports/user-last-activity", authAdmin, func(c *request) error {
		rows := [][]string{}
		ns := c.st.ns4116()
		for _, u := range c.st.users {
			if u.deleted {
				continue
			}
			last := ""
			if at, ok := ns.lastCall[u.id]; ok {
				last = ts(at)
			}
			rows = append(rows, []string{u.id, u.displayName, last})
		}
		id := c.st.newID()
		now := c.now()
		ns.downloads[id] = &issuedDownload{name: "user-last-activity-" + now.Format(reportDateLayout) + ".csv",
			data: csvBytes(csvWithHeader(rows, "userId", "displayName", "lastActivityAt")), expiresAt: now.Add(downloadTTL)}
		return c.ok(map[string]string{"networkId": networkID, "downloadUrl": c.st.baseURL + "/amitytest/downloads/" + id})
	})
	// The download URLs the fake issues: like signed URLs, they need no credentials and
	// expire (after an hour).
	s.route("GET /amitytest/downloads/{id}", authNone, func(c *request) error {
		d := c.st.ns4116().downloads[c.path("id")]
		if d == nil || !c.now().Before(d.expiresAt) {
			return errNotFound("Resource Not Found.")
		}
		return c.writeCSV(d.name, d.data)
	})
	s.route("GET /api/v1/reports/1p/download", authAdmin, func(c *request) error {
		dataType := c.q("dataType")
		if _, ok := firstPartyTypes[dataType]; !ok {
			return errBadRequest("Parameters validation error: dataType must be one of comments_last_90d, communities, community_members, posts_last_90d, reactions_last_90d, roles, users")
		}
		return c.writeCSV(dataType+".csv", csvBytes(c.st.firstPartyRows(dataType, c.now())))
	})
	s.routesCommunityMetrics()
}

// reportDateLayout is the spec's date format.
const reportDateLayout = "2006-01-02"

// dateRange reads the from and to dates of a metrics call: by default the 7 days before
// yesterday through yesterday (UTC); both included.
func (c *request) dateRange() (from, to time.Time, err error) {
	today := c.now().UTC().Truncate(24 * time.Hour)
	to, from = today.AddDate(0, 0, -1), today.AddDate(0, 0, -8)
	for _, p := range []struct {
		name string
		dst  *time.Time
	}{{"from", &from}, {"to", &to}} {
		if v := c.q(p.name); v != "" {
			t, perr := time.Parse(reportDateLayout, v)
			if perr != nil {
				return from, to, errBadRequest("Parameters validation error: %s must be a date (YYYY-MM-DD)", p.name)
			}
			*p.dst = t
		}
	}
	switch {
	case from.After(to):
		return from, to, &apiError{http.StatusUnprocessableEntity, codeBusiness, "Parameters validation error: from must not be after to"}
	case to.Sub(from) > 366*24*time.Hour:
		return from, to, &apiError{http.StatusUnprocessableEntity, codeBusiness, "Parameters validation error: the range must be at most 366 days"}
	}
	return from, to, nil
}

// communityEngagement is one post, comment or reaction of a community, for the metrics.
type communityEngagement struct {
	at   time.Time
	kind string // post, comment or reaction
}

// communityEngagements lists the posts of a community, the comments on them and the
// reactions on both (deleted ones too: they happened).
func (st *state) communityEngagements(communityID string) []communityEngagement {
	var out []communityEngagement
	posts := map[string]bool{}
	for _, p := range st.posts {
		if p.targetType == "community" && p.targetID == communityID {
			posts[p.id] = true
			out = append(out, communityEngagement{p.createdAt, "post"})
			for _, r := range p.reactions {
				out = append(out, communityEngagement{r.createdAt, "reaction"})
			}
		}
	}
	for _, cm := range st.comments {
		if cm.referenceType == "post" && posts[cm.referenceID] {
			out = append(out, communityEngagement{cm.createdAt, "comment"})
			for _, r := range cm.reactions {
				out = append(out, communityEngagement{r.createdAt, "reaction"})
			}
		}
	}
	return out
}

// reportDays lists the dates from..to, both included.
func reportDays(from, to time.Time) []time.Time {
	var out []time.Time
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out
}

type activityCounts struct {
	TotalPosts     int `json:"total_posts"`
	TotalComments  int `json:"total_comments"`
	TotalReactions int `json:"total_reactions"`
}

func (a *activityCounts) add(kind string) {
	switch kind {
	case "post":
		a.TotalPosts++
	case "comment":
		a.TotalComments++
	default:
		a.TotalReactions++
	}
}

type memberCounts struct {
	TotalMembers int `json:"total_members"`
	NewMembers   int `json:"new_members"`
	LostMembers  int `json:"lost_members"`
}

// memberCountsOn counts the members of ms at the end of day, and those who joined and left
// that day. A membership counts from its creation; a member who left or was banned counts
// until its last change.
func memberCountsOn(ms memberSet, day time.Time) memberCounts {
	end := day.AddDate(0, 0, 1)
	var out memberCounts
	for _, m := range ms {
		joined, changed := m.createdAt, m.updatedAt
		left := m.status != "member"
		if joined.Before(end) && (!left || !changed.Before(end)) {
			out.TotalMembers++
		}
		if !joined.Before(day) && joined.Before(end) && (!left || changed.After(joined)) {
			out.NewMembers++
		}
		if left && !changed.Before(day) && changed.Before(end) {
			out.LostMembers++
		}
	}
	return out
}

func (s *Server) routesCommunityMetrics() {
	const base = "/api/v1/analytics/community-metrics/{communityId}/"
	// metric reads the community and the dates of a metrics call.
	metric := func(c *request, granular bool) (cm *community, from, to time.Time, granularity string, err error) {
		if cm, err = c.community(c.path("communityId")); err != nil {
			return nil, from, to, "", err
		}
		if from, to, err = c.dateRange(); err != nil {
			return nil, from, to, "", err
		}
		if granular {
			granularity = c.q("granularity")
			if granularity == "" {
				granularity = "daily"
			}
			if err = enum("granularity", granularity, "daily", "aggregate"); err != nil {
				return nil, from, to, "", err
			}
		}
		return cm, from, to, granularity, nil
	}
	s.route("GET "+base+"activities", authAdmin, func(c *request) error {
		cm, from, to, granularity, err := metric(c, true)
		if err != nil {
			return err
		}
		perDay := map[string]*activityCounts{}
		var total activityCounts
		for _, e := range c.st.communityEngagements(cm.id) {
			d := e.at.UTC().Truncate(24 * time.Hour)
			if d.Before(from) || d.After(to) {
				continue
			}
			k := d.Format(reportDateLayout)
			if perDay[k] == nil {
				perDay[k] = &activityCounts{}
			}
			perDay[k].add(e.kind)
			total.add(e.kind)
		}
		out := map[string]any{"granularity": granularity, "from": from.Format(reportDateLayout), "to": to.Format(reportDateLayout)}
		if granularity == "aggregate" {
			out["value"] = total
			return c.ok(out)
		}
		data := []map[string]any{}
		for _, d := range reportDays(from, to) {
			k := d.Format(reportDateLayout)
			n := activityCounts{}
			if perDay[k] != nil {
				n = *perDay[k]
			}
			data = append(data, map[string]any{"date": k, "total_posts": n.TotalPosts, "total_comments": n.TotalComments, "total_reactions": n.TotalReactions})
		}
		out["data"] = data
		return c.ok(out)
	})
	s.route("GET "+base+"members", authAdmin, func(c *request) error {
		cm, from, to, granularity, err := metric(c, true)
		if err != nil {
			return err
		}
		out := map[string]any{"granularity": granularity, "from": from.Format(reportDateLayout), "to": to.Format(reportDateLayout)}
		data := []map[string]any{}
		var total memberCounts
		for _, d := range reportDays(from, to) {
			n := memberCountsOn(cm.members, d)
			total.NewMembers += n.NewMembers
			total.LostMembers += n.LostMembers
			total.TotalMembers = n.TotalMembers // at the end of the range
			data = append(data, map[string]any{"date": d.Format(reportDateLayout), "total_members": n.TotalMembers, "new_members": n.NewMembers, "lost_members": n.LostMembers})
		}
		if granularity == "aggregate" {
			out["value"] = total
		} else {
			out["data"] = data
		}
		return c.ok(out)
	})
	s.route("GET "+base+"most-active-day", authAdmin, func(c *request) error {
		cm, from, to, _, err := metric(c, false)
		if err != nil {
			return err
		}
		sums := map[time.Weekday]int{}
		active := map[time.Weekday]map[string]bool{}
		for _, e := range c.st.communityEngagements(cm.id) {
			d := e.at.UTC().Truncate(24 * time.Hour)
			if d.Before(from) || d.After(to) {
				continue
			}
			wd := d.Weekday()
			sums[wd]++
			if active[wd] == nil {
				active[wd] = map[string]bool{}
			}
			active[wd][d.Format(reportDateLayout)] = true
		}
		list := []map[string]any{}
		for i := 1; i <= 7; i++ { // Monday first
			wd := time.Weekday(i % 7)
			n := len(active[wd])
			avg := 0.0
			if n > 0 {
				avg = float64(sums[wd]) / float64(n)
			}
			list = append(list, map[string]any{"weekday": wd.String(), "sum_engagements": sums[wd], "days_count": n, "avg_engagements": avg})
		}
		return c.ok(map[string]any{"from": from.Format(reportDateLayout), "to": to.Format(reportDateLayout), "most_active_days": list})
	})
	s.route("GET "+base+"most-active-time", authAdmin, func(c *request) error {
		cm, from, to, _, err := metric(c, false)
		if err != nil {
			return err
		}
		var sums [24]int
		var active [24]map[string]bool
		for _, e := range c.st.communityEngagements(cm.id) {
			at := e.at.UTC()
			d := at.Truncate(24 * time.Hour)
			if d.Before(from) || d.After(to) {
				continue
			}
			h := at.Hour()
			sums[h]++
			if active[h] == nil {
				active[h] = map[string]bool{}
			}
			active[h][d.Format(reportDateLayout)] = true
		}
		list := []map[string]any{}
		for h := 0; h < 24; h++ {
			avg := 0.0
			if n := len(active[h]); n > 0 {
				avg = float64(sums[h]) / float64(n)
			}
			list = append(list, map[string]any{"hour": h, "hour_display": fmt.Sprintf("%02d:00", h), "sum_engagements": sums[h], "avg_engagements": avg})
		}
		return c.ok(map[string]any{"from": from.Format(reportDateLayout), "to": to.Format(reportDateLayout), "most_active_times": list})
	})
}
