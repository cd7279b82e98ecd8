// Package spectest checks HTTP traffic against the official Amity (social.plus)
// OpenAPI 3.0 spec.
//
// It is test infrastructure: the SDK's conformance tests and the tests of the
// in-process fake API server use it to
//
//   - list the real REST operations of the spec ([Spec.Operations]; 380 in
//     4.116.1, the spec the SDK targets),
//   - run an [httptest.Server] that validates every request it receives against
//     the spec and answers with a response synthesized from the spec's schema
//     ([Spec.NewServer]); it reads query arrays as the API does (userIds[]=a)
//     and lets through only the documented deviations it is given, one by one
//     ([AllowQueryAlias], [AllowParamsInBody], [AllowExtraBodyFields]; wire.go),
//   - validate any response against the spec ([Spec.ValidateResponse]),
//   - write a Markdown coverage report ([WriteCoverage]).
//
// The spec itself is never copied into the repository: [Load] reads it from the
// file named by the AMITY_OPENAPI_SPEC environment variable or from
// ../shared/amity-openapi-4.116/amity.bundled.json (spec 4.116.1) beside the
// repository, and fails the test when neither exists (it skips instead with
// AMITY_SKIP_CONFORMANCE=1). The few faults of the upstream spec that would
// make a correct request fail validation are repaired in memory after loading
// (see normalize.go).
package spectest

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// EnvSpecPath is the environment variable that names the bundled spec file.
// When it is set, it is the only place [Find] looks.
const EnvSpecPath = "AMITY_OPENAPI_SPEC"

// modulePath is the module whose root directory anchors the default location
// of the spec.
const modulePath = "github.com/amity-go/amity"

// defaultRelPath is where the spec the SDK targets (4.116.1) lives relative to the repository
// root.
var defaultRelPath = filepath.Join("..", "shared", "amity-openapi-4.116", "amity.bundled.json")

const skipMessage = "conformance: OpenAPI spec not found; set " + EnvSpecPath +
	" or put ../shared/amity-openapi-4.116/amity.bundled.json beside the repo"

// EnvSkip, set to 1, lets the tests that need the spec skip when it is missing. Without it
// a missing spec fails them: the conformance suite never passes by being skipped silently.
const EnvSkip = "AMITY_SKIP_CONFORMANCE"

// Spec is the loaded, normalised OpenAPI document with its router and the
// list of REST operations. A Spec is read-only after loading and safe for
// concurrent use.
type Spec struct {
	path     string
	doc      *openapi3.T
	router   routers.Router
	ops      []Operation
	byRoute  map[string]*opInfo // key: METHOD + " " + normalised path template
	byOpKey  map[string]*opInfo // key: Operation.Key()
	loadTime time.Duration
	fixes    []string

	synthMu sync.Mutex
	synth   map[string]synthResult // cached synthesized success responses by op key
}

// opInfo ties a public [Operation] to its kin-openapi objects.
type opInfo struct {
	op        Operation
	routePath string // the path template in the normalised document
	pathItem  *openapi3.PathItem
	operation *openapi3.Operation
}

var (
	loadOnce  sync.Once
	loaded    *Spec
	loadErr   error
	foundPath string
	foundOK   bool
)

// Find reports where the bundled spec is: the file named by AMITY_OPENAPI_SPEC
// if that variable is set (a relative name is taken from the repository
// root, since go test runs each package in its own directory), else
// ../shared/amity-openapi-4.116/amity.bundled.json relative to the repository root
// (the nearest directory at or above the working directory whose go.mod
// declares module github.com/amity-go/amity). ok is false when the file does
// not exist.
func Find() (path string, ok bool) {
	root, rootErr := repoRoot()
	if p := os.Getenv(EnvSpecPath); p != "" {
		if !filepath.IsAbs(p) && rootErr == nil {
			p = filepath.Join(root, p)
		}
		return p, fileExists(p)
	}
	if rootErr != nil {
		return "", false
	}
	p := filepath.Clean(filepath.Join(root, defaultRelPath))
	return p, fileExists(p)
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// repoRoot walks up from the working directory to the directory holding the
// go.mod of this module.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if isModuleRoot(filepath.Join(dir, "go.mod")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("spectest: no go.mod for module " + modulePath + " above the working directory")
		}
		dir = parent
	}
}

func isModuleRoot(goMod string) bool {
	f, err := os.Open(goMod)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok {
			name := strings.Trim(strings.TrimSpace(rest), `"`)
			return name == modulePath
		}
	}
	return false
}

// Load returns the process-wide Spec, loading and normalising it on first use
// (the 8.7 MB document takes a while to load, so it is loaded once per test
// binary). It fails the test, loudly, when the spec cannot be found (it skips
// instead when AMITY_SKIP_CONFORMANCE=1) or cannot be loaded.
func Load(tb testing.TB) *Spec {
	tb.Helper()
	loadOnce.Do(func() {
		foundPath, foundOK = Find()
		if !foundOK {
			return
		}
		loaded, loadErr = LoadFile(foundPath)
	})
	if !foundOK {
		if os.Getenv(EnvSkip) == "1" {
			tb.Skip(skipMessage + " (skipped: " + EnvSkip + "=1)")
		}
		tb.Fatal("\n\n*** " + skipMessage + ".\n*** The conformance suite cannot run; set " + EnvSkip + "=1 to skip it knowingly.\n")
	}
	if loadErr != nil {
		tb.Fatalf("conformance: loading OpenAPI spec: %v", loadErr)
	}
	return loaded
}

// LoadFile loads and normalises the spec at path without caching it. Tests
// should use [Load]; LoadFile is for tools that are not tests.
func LoadFile(path string) (*Spec, error) {
	start := time.Now()
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("spectest: %w", err)
	}
	data, pseudo, err := slimDocument(data)
	if err != nil {
		return nil, fmt.Errorf("spectest: %s: %w", path, err)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("spectest: %s: %w", path, err)
	}
	// doc.Validate is deliberately not called: the upstream spec has known
	// faults (type: enum, invalid examples, ...) that it reports.
	s := &Spec{path: path, doc: doc, synth: make(map[string]synthResult)}
	s.fixes = normalize(doc)
	s.fixes = append(s.fixes,
		"dropped example/examples/description annotations before parsing",
		fmt.Sprintf("removed webhook/realtime pseudo-operation paths (%d)", pseudo))
	sort.Strings(s.fixes)
	if err := s.index(); err != nil {
		return nil, err
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("spectest: building router: %w", err)
	}
	s.router = router
	s.loadTime = time.Since(start)
	return s, nil
}

// Path is the file the spec was loaded from.
func (s *Spec) Path() string { return s.path }

// Version is the spec's info.version (4.116.1 for the spec the SDK targets).
func (s *Spec) Version() string {
	if s.doc.Info == nil {
		return ""
	}
	return s.doc.Info.Version
}

// LoadTime is how long loading, normalising and indexing the spec took.
func (s *Spec) LoadTime() time.Duration { return s.loadTime }

// Fixes lists the in-memory repairs applied to the loaded document, one line
// each, with how many places each touched.
func (s *Spec) Fixes() []string { return append([]string(nil), s.fixes...) }

// Doc is the normalised kin-openapi document. Treat it as read-only: it is
// shared by every test in the process.
func (s *Spec) Doc() *openapi3.T { return s.doc }
