package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
)

// The credentials of the fake the command tests run against: no output may hold them.
const (
	testAdminToken = "cli-test-admin-secret-0f3c"
	testAPIKey     = "cli-test-api-key-secret-9b1d"
)

// fake is an in-process amitytest server, seeded, with a client of the test's own.
type fake struct {
	*amitytest.Server
	seeded amitytest.SeedResult
	c      *amity.Client
	env    []string // the AMITY_* variables of the commands
}

func newFake(t *testing.T, seed amitytest.SeedOptions, opts ...amitytest.Option) *fake {
	t.Helper()
	s := amitytest.NewServer(append([]amitytest.Option{amitytest.WithAdminToken(testAdminToken), amitytest.WithAPIKey(testAPIKey)}, opts...)...)
	t.Cleanup(s.Close)
	f := &fake{Server: s, seeded: s.Seed(seed)}
	c, err := amity.NewClient(amity.WithBaseURL(s.URL()), amity.WithAdminToken(testAdminToken), amity.WithAPIKey(testAPIKey))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	f.c = c
	f.env = []string{"AMITY_BASE_URL=" + s.URL(), "AMITY_ADMIN_TOKEN=" + testAdminToken, "AMITY_API_KEY=" + testAPIKey}
	return f
}

// result is what a run of the built command did.
type result struct {
	code           int
	stdout, stderr string
}

// amity runs the built command with args and the environment env (and nothing of the test
// process's AMITY_* variables), and checks that no credential of the fake is in its output.
func runBin(t *testing.T, bin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AMITY_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("amity %q: %v", args, err)
	}
	for _, secret := range []string{testAdminToken, testAPIKey} {
		if strings.Contains(r.stdout+r.stderr, secret) {
			t.Errorf("amity %q printed a credential:\n%s%s", args, r.stdout, r.stderr)
		}
	}
	return r
}

// want checks a run's exit status and that its stdout (or, for a failure, stderr) holds each
// of the strings.
func (r result) want(t *testing.T, code int, in ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	out := r.stdout
	if code != 0 {
		out = r.stderr
	}
	for _, s := range in {
		if !strings.Contains(out, s) {
			t.Errorf("%q not in the output (status %d):\nstdout:\n%s\nstderr:\n%s", s, r.code, r.stdout, r.stderr)
		}
	}
}

// jsonLines decodes each line of out as a T.
func jsonLines[T any](t *testing.T, out string) []T {
	t.Helper()
	var vs []T
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("not a JSON line: %q: %v", line, err)
		}
		vs = append(vs, v)
	}
	return vs
}

func TestUsersCommands(t *testing.T) {
	bin := buildAmity(t)
	f := newFake(t, amitytest.SeedOptions{Users: 7})
	ctx := context.Background()
	id := f.seeded.UserIDs[0]
	want, err := f.c.Users.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}

	runBin(t, bin, f.env, "users", "get", id).want(t, 0, id, want.User().DisplayName)
	r := runBin(t, bin, f.env, "users", "get", "--json", id)
	r.want(t, 0)
	if us := jsonLines[amity.User](t, r.stdout); len(us) != 1 || us[0].UserID != id || us[0].DisplayName != want.User().DisplayName {
		t.Errorf("users get --json: %s", r.stdout)
	}
	runBin(t, bin, f.env, "users", "get", "no-such-user").want(t, 1, "404 Not Found")

	r = runBin(t, bin, f.env, "users", "list", "--json")
	r.want(t, 0)
	listed := map[string]bool{}
	for _, u := range jsonLines[amity.User](t, r.stdout) {
		listed[u.UserID] = true
	}
	for _, id := range f.seeded.UserIDs {
		if !listed[id] {
			t.Errorf("users list --json: %s not listed", id)
		}
	}
	r = runBin(t, bin, f.env, "users", "list", "--max", "3")
	r.want(t, 0, "flags")
	if n := strings.Count(r.stdout, "\n"); n != 3 {
		t.Errorf("users list --max 3: %d lines\n%s", n, r.stdout)
	}

	banned := f.seeded.UserIDs[1:3]
	runBin(t, bin, f.env, append([]string{"users", "ban"}, banned...)...).want(t, 0, "ban "+banned[0]+": done", "ban "+banned[1]+": done")
	for _, id := range banned {
		if u, err := f.c.Users.Get(ctx, id); err != nil || !u.User().IsGlobalBan {
			t.Errorf("after amity users ban, %s: %+v %v", id, u, err)
		}
	}
	runBin(t, bin, f.env, "users", "get", banned[0]).want(t, 0, "banned")
	// An unknown user fails; the ban goes on past it and exits with status 1.
	last := f.seeded.UserIDs[3]
	r = runBin(t, bin, f.env, "users", "ban", "no-such-user", last)
	r.want(t, 1, "1 of 2 users not banned")
	if !strings.Contains(r.stdout, "ban no-such-user: failed") || !strings.Contains(r.stdout, "ban "+last+": done") {
		t.Errorf("ban past a failure:\n%s", r.stdout)
	}
	runBin(t, bin, f.env, "users", "unban", last).want(t, 0)
	r = runBin(t, bin, f.env, append([]string{"users", "unban", "--json"}, banned...)...)
	r.want(t, 0)
	type outcome struct {
		Action, ID string
		OK         bool
	}
	if oc := jsonLines[outcome](t, r.stdout); len(oc) != 2 || !oc[0].OK || oc[0].Action != "unban" || oc[1].ID != banned[1] {
		t.Errorf("users unban --json: %s", r.stdout)
	}
	for _, id := range banned {
		if u, err := f.c.Users.Get(ctx, id); err != nil || u.User().IsGlobalBan {
			t.Errorf("after amity users unban, %s: %+v %v", id, u, err)
		}
	}
}

// TestExitStatus checks the statuses every API command shares: 2 for a usage error
// (including no API or credentials configured), 3 for a rate limit the command could not
// wait out, 1 for another failure.
func TestExitStatus(t *testing.T) {
	bin := buildAmity(t)
	f := newFake(t, amitytest.SeedOptions{Users: 4})
	runBin(t, bin, nil, "users", "get", "x").want(t, 2, "no API: set AMITY_REGION or AMITY_BASE_URL")
	runBin(t, bin, f.env[:1], "users", "get", "x").want(t, 2, "no credentials")
	runBin(t, bin, f.env, "users").want(t, 2, "no subcommand")
	runBin(t, bin, f.env, "users", "get").want(t, 2, "one user ID")
	runBin(t, bin, f.env, "users", "frob").want(t, 2, `unknown users subcommand "frob"`)
	runBin(t, bin, f.env, "users", "list", "--bogus").want(t, 2, "flag provided but not defined")
	runBin(t, bin, f.env, "users", "--help").want(t, 0)
	// One call per minute, and 2 s to run: the second ban's turn comes after the deadline.
	r := runBin(t, bin, f.env, append([]string{"users", "ban", "--rate-limit", "1", "--rate-window", "1m", "--timeout", "2s"}, f.seeded.UserIDs[:3]...)...)
	r.want(t, exitRateLimited, "rate limit")
	if !strings.Contains(r.stdout, "ban "+f.seeded.UserIDs[0]+": done") || strings.Contains(r.stdout, f.seeded.UserIDs[2]) {
		t.Errorf("the ban should stop at the rate limit after the first user:\n%s", r.stdout)
	}
	// A wrong token: the API refuses (401), status 1, and the token is not printed.
	bad := append([]string{"AMITY_ADMIN_TOKEN=wrong-" + testAdminToken}, f.env[0], f.env[2])
	runBin(t, bin, bad, "users", "get", f.seeded.UserIDs[0]).want(t, 1)
}

// flaggedLeft counts the seeded flagged posts, comments and users still flagged.
func (f *fake) flaggedLeft(t *testing.T) int {
	t.Helper()
	ctx, left := context.Background(), 0
	for _, id := range f.seeded.FlaggedPostIDs {
		p, err := f.c.Posts.Get(ctx, id, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Post().IsDeleted && p.Post().FlagCount > 0 {
			left++
		}
	}
	for _, id := range f.seeded.FlaggedCommentIDs {
		cm, err := f.c.Comments.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !cm.Comment().IsDeleted && cm.Comment().FlagCount > 0 {
			left++
		}
	}
	for _, id := range f.seeded.FlaggedUserIDs {
		u, err := f.c.Users.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !u.User().IsGlobalBan && u.User().FlagCount > 0 {
			left++
		}
	}
	return left
}

func TestModerationSweep(t *testing.T) {
	bin := buildAmity(t)
	f := newFake(t, amitytest.SeedOptions{Communities: 2, PostsPerCommunity: 30, CommentsPerPost: 1})
	flagged := f.flaggedLeft(t)
	if len(f.seeded.FlaggedPostIDs) == 0 || flagged == 0 {
		t.Fatalf("nothing flagged in the seed: %+v", f.seeded)
	}
	type summary struct {
		Kinds []struct {
			Kind                      string
			Flagged, Deleted, Cleared int
		}
		Banned int
		DryRun bool
	}
	posts := func(s summary) int {
		for _, k := range s.Kinds {
			if k.Kind == "posts" {
				return k.Flagged
			}
		}
		return -1
	}
	r := runBin(t, bin, f.env, "moderation", "sweep", "--json")
	r.want(t, 0)
	dry := jsonLines[summary](t, r.stdout)
	if len(dry) != 1 || !dry[0].DryRun || posts(dry[0]) != len(f.seeded.FlaggedPostIDs) {
		t.Fatalf("dry run: %s, want %d flagged posts", r.stdout, len(f.seeded.FlaggedPostIDs))
	}
	if left := f.flaggedLeft(t); left != flagged {
		t.Fatalf("the dry run changed the network: %d flagged left of %d", left, flagged)
	}
	journal := t.TempDir() + "/sweep.jsonl"
	runBin(t, bin, f.env, "moderation", "sweep", "--apply", "--delete-at", "3", "--ban-at", "1", "--journal", journal).
		want(t, 0, "moderation summary", fmt.Sprintf("posts     %d", len(f.seeded.FlaggedPostIDs)))
	if left := f.flaggedLeft(t); left != 0 {
		t.Errorf("after --apply, %d of %d flagged items are left", left, flagged)
	}
	if b, err := os.ReadFile(journal); err != nil || !strings.Contains(string(b), `"succeeded"`) {
		t.Errorf("the journal: %v\n%s", err, b)
	}
	r = runBin(t, bin, f.env, "moderation", "sweep", "--json")
	if again := jsonLines[summary](t, r.stdout); r.code != 0 || len(again) != 1 || posts(again[0]) != 0 {
		t.Errorf("a sweep after --apply: %d %s", r.code, r.stdout)
	}
	runBin(t, bin, f.env, "moderation").want(t, 2, "amity moderation sweep")
	runBin(t, bin, f.env, "moderation", "sweep", "--delete-at", "0").want(t, 2, "--delete-at")
}

func TestExport(t *testing.T) {
	bin := buildAmity(t)
	f := newFake(t, amitytest.SeedOptions{Users: 9, Communities: 2, PostsPerCommunity: 5})
	dir := t.TempDir()
	out, journal := dir+"/users.jsonl", dir+"/users.journal"
	lines := func(path string) []map[string]any {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return jsonLines[map[string]any](t, string(b))
	}
	runBin(t, bin, f.env, "export", "users", "--out", out, "--journal", journal).want(t, 0, "exported")
	users := lines(out)
	ids := map[any]int{}
	for _, u := range users {
		ids[u["userId"]]++
	}
	for _, id := range f.seeded.UserIDs {
		if ids[id] != 1 {
			t.Errorf("user %s exported %d times", id, ids[id])
		}
	}
	// Run again with the journal: nothing is appended.
	runBin(t, bin, f.env, "export", "users", "--out", out, "--journal", journal).want(t, 0, "exported 0 users", fmt.Sprintf("(%d already exported)", len(users)))
	if n := len(lines(out)); n != len(users) {
		t.Errorf("a resumed export appended: %d lines, was %d", n, len(users))
	}
	cm := f.seeded.CommunityIDs[0]
	runBin(t, bin, f.env, "export", "posts", "--community", cm, "--out", dir+"/posts.jsonl").want(t, 0, "exported")
	for _, p := range lines(dir + "/posts.jsonl") {
		if p["targetId"] != cm {
			t.Errorf("a post of another feed: %v", p)
		}
	}
	if len(lines(dir+"/posts.jsonl")) == 0 {
		t.Error("no post exported")
	}
	runBin(t, bin, f.env, "export", "members", "--community", cm, "--out", dir+"/members.jsonl").want(t, 0, "exported")
	runBin(t, bin, f.env, "export", "communities", "--out", dir+"/communities.jsonl").want(t, 0, fmt.Sprintf("exported %d communities", len(f.seeded.CommunityIDs)))
	runBin(t, bin, f.env, "export", "members", "--out", dir+"/m.jsonl").want(t, 2, "--community")
	runBin(t, bin, f.env, "export", "users").want(t, 2, "--out")
}

// TestImportKillAndResume imports users from a CSV with the built binary, kills it with
// SIGKILL twice mid-import, resumes it with the same journal, and checks that every row ends
// in exactly one outcome, every user exists, and no user was registered again beyond one per
// kill.
func TestImportKillAndResume(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	const rows, kills = 400, 2
	bin := buildAmity(t)
	f := newFake(t, amitytest.SeedOptions{Users: 1}, amitytest.WithoutRateLimit())
	dir := t.TempDir()
	csvPath, journal := dir+"/users.csv", dir+"/import.journal"
	var csv strings.Builder
	csv.WriteString("user_id,display_name\n")
	for i := range rows {
		fmt.Fprintf(&csv, "imported-%04d,Imported User %d\n", i, i)
	}
	csv.WriteString(",no id\n") // a malformed row: skipped
	if err := os.WriteFile(csvPath, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// 100 calls a second: about 4 s for the file, time to kill it twice.
	args := []string{"import", "users", csvPath, "--journal", journal, "--apply", "--rate-limit", "100", "--rate-window", "1s"}
	runBin(t, bin, f.env, "import", "users", csvPath).want(t, 0, fmt.Sprintf("would register or update %d users (1 malformed", rows))
	journalLines := func() int {
		b, _ := os.ReadFile(journal)
		return strings.Count(string(b), "\n")
	}
	for k := 1; k <= kills; k++ {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), f.env...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(30 * time.Second); journalLines() < k*rows/(kills+1) && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
	}
	if n := journalLines(); n >= 2*rows {
		t.Fatalf("the import finished before the kills (%d journal lines)", n)
	}
	r := runBin(t, bin, f.env, args...)
	r.want(t, 0, "already done (resumed)")
	// Not a terminal: plain progress lines (the ETA comes from the total), the last at the end.
	if !strings.Contains(r.stderr, "users: ") || !strings.Contains(r.stderr, fmt.Sprintf("users: %d/%d done", rows+1, rows+1)) || strings.Contains(r.stderr, "\r") {
		t.Errorf("no plain progress line on stderr:\n%s", r.stderr)
	}

	b, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	last, succeeded := map[string]string{}, map[string]int{}
	for _, e := range jsonLines[struct{ Key, State string }](t, string(b)) {
		if e.State == "started" {
			continue
		}
		last[e.Key] = e.State
		if e.State == "succeeded" {
			succeeded[e.Key]++
		}
	}
	again := 0
	for i := range rows {
		key := fmt.Sprintf("user imported-%04d", i)
		if last[key] != "succeeded" {
			t.Errorf("%s ends %q", key, last[key])
		}
		again += max(succeeded[key]-1, 0)
	}
	if len(last) != rows+1 || last[fmt.Sprintf("line %d", rows+2)] != "skipped" {
		t.Errorf("%d rows with an outcome, want %d (the malformed one skipped): %v", len(last), rows+1, last[fmt.Sprintf("line %d", rows+2)])
	}
	if again > kills {
		t.Errorf("%d users registered again, more than one per kill (%d)", again, kills)
	}
	ctx := context.Background()
	for _, i := range []int{0, rows / 2, rows - 1} {
		if u, err := f.c.Users.Get(ctx, fmt.Sprintf("imported-%04d", i)); err != nil || u.User().DisplayName != fmt.Sprintf("Imported User %d", i) {
			t.Errorf("user %d: %v %v", i, u, err)
		}
	}
	t.Logf("%d rows, %d kills: %d registered again", rows, kills, again)
}

// amity api sends any operation through the SDK's transport: a read with its query, every
// page with --paginate, a write with --data; bad input is a usage error (2), an API error 1.
func TestAPICommand(t *testing.T) {
	bin := buildAmity(t)
	f := newFake(t, amitytest.SeedOptions{Users: 5})
	id := f.seeded.UserIDs[0]

	r := runBin(t, bin, f.env, "api", "GET", "/api/v3/users/"+id)
	r.want(t, 0, `"userId": "`+id+`"`)

	r = runBin(t, bin, f.env, "api", "get", "/api/v3/users?options[limit]=2", "--paginate")
	r.want(t, 0)
	var users []string
	pages := strings.Split(strings.TrimSpace(r.stdout), "\n")
	for _, line := range pages {
		var p struct {
			Users []struct {
				UserID string `json:"userId"`
			} `json:"users"`
		}
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("a page is not one JSON line: %q", line)
		}
		for _, u := range p.Users {
			users = append(users, u.UserID)
		}
	}
	if len(pages) < 3 {
		t.Errorf("--paginate at 2 a page printed %d pages", len(pages))
	}
	for _, want := range f.seeded.UserIDs {
		if !slices.Contains(users, want) {
			t.Errorf("--paginate: %s not listed (%v)", want, users)
		}
	}

	r = runBin(t, bin, f.env, "api", "PUT", "/api/v3/users", "--data", `{"userId":"`+id+`","displayName":"Renamed by api"}`)
	r.want(t, 0, "Renamed by api")
	got, err := f.c.Users.Get(context.Background(), id)
	if err != nil || got.User().DisplayName != "Renamed by api" {
		t.Errorf("after amity api PUT: %+v, %v", got, err)
	}

	runBin(t, bin, f.env, "api", "GET", "/api/v3/users/no-such-user").want(t, 1, "404")
	runBin(t, bin, f.env, "api", "GET", "https://evil.example/api/v3/users").want(t, 1, "path")
	runBin(t, bin, f.env, "api", "GET").want(t, 2)
	runBin(t, bin, f.env, "api", "POST", "/api/v4/posts", "--data", "{not json").want(t, 2, "not JSON")
}
