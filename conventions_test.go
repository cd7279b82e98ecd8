package amity_test

// TestAPIConventions makes CONTRIBUTING.md's conventions executable: it walks every service
// of a Client by reflection (as TestEveryMethodHasAConformanceCase does), every answer type
// the methods return, and the package's source, and fails on each exported name that breaks
// a rule, with the rule and the name.

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"iter"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/require"
)

// The verbs a method name starts with. A read (an operation the spec sends with GET) starts
// with a read verb; Download reads a file's bytes.
var (
	readVerbs  = []string{"Get", "GetMany", "List", "Count", "Is", "Search", "Download"}
	writeVerbs = []string{"Accept", "Add", "Approve", "Ban", "Block", "Clear", "Close", "Create", "Decline", "Delete",
		"Dispose", "Flag", "Follow", "Join", "Leave", "Mark", "Mute", "Pin", "Record", "Refresh", "Register", "Reject", "Remove", "Resend",
		"Revoke", "Send", "Start", "Stop", "Sync", "Unban", "Unblock", "Unflag", "Unfollow", "Unmute", "Unpin",
		"Unregister", "Update", "Upload", "Verify", "Vote"}
)

// verbOf returns the leading verb of a method name, or "".
func verbOf(name string, verbs []string) string {
	best := ""
	for _, v := range verbs {
		if strings.HasPrefix(name, v) && (len(name) == len(v) || name[len(v)] >= 'A' && name[len(v)] <= 'Z') && len(v) > len(best) {
			best = v
		}
	}
	return best
}

// serviceMethod is one exported method of a service reached from Client.
type serviceMethod struct {
	path string // "Posts.V3.Create"
	m    reflect.Method
}

func serviceMethods(t *testing.T) []serviceMethod {
	c, err := amity.NewClient(amity.WithBaseURL("http://127.0.0.1:1"), amity.WithAdminToken("t"))
	require.NoError(t, err)
	var out []serviceMethod
	var walk func(prefix string, v reflect.Value)
	walk = func(prefix string, v reflect.Value) {
		for i := range v.Type().NumMethod() {
			out = append(out, serviceMethod{prefix + "." + v.Type().Method(i).Name, v.Type().Method(i)})
		}
		elem := v.Elem()
		for i := range elem.NumField() {
			f := elem.Type().Field(i)
			if f.IsExported() && f.Type.Kind() == reflect.Pointer && strings.HasSuffix(f.Type.Elem().Name(), "Service") {
				walk(prefix+"."+f.Name, elem.Field(i))
			}
		}
	}
	cv := reflect.ValueOf(c).Elem()
	for i := range cv.NumField() {
		f := cv.Type().Field(i)
		if f.IsExported() && f.Type.Kind() == reflect.Pointer && strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			walk(f.Name, cv.Field(i))
		}
	}
	return out
}

var (
	errorType  = reflect.TypeFor[error]()
	boolType   = reflect.TypeFor[bool]()
	secretType = reflect.TypeFor[amity.Secret]()
	streamType = reflect.TypeFor[io.ReadCloser]()
	timeType   = reflect.TypeFor[amity.Time]()
)

// resultKind classifies what a method returns: "error", "payload" (a *XPayload or
// *XSettings), "iterator", "bool", "token", "stream", or "" for anything else.
func resultKind(m reflect.Method) string {
	ft := m.Type
	if ft.NumOut() == 1 {
		switch {
		case ft.Out(0) == errorType:
			return "error"
		case ft.Out(0).Kind() == reflect.Func && strings.HasPrefix(ft.Out(0).String(), "iter.Seq2["):
			return "iterator"
		}
		return ""
	}
	if ft.NumOut() != 2 || ft.Out(1) != errorType {
		return ""
	}
	switch r := ft.Out(0); {
	case r == boolType:
		return "bool"
	case r == secretType:
		return "token"
	case r == streamType:
		return "stream"
	case r.Kind() == reflect.Pointer && (strings.HasSuffix(r.Elem().Name(), "Payload") || strings.HasSuffix(r.Elem().Name(), "Settings")):
		return "payload"
	}
	return ""
}

func TestAPIConventions(t *testing.T) {
	httpMethod := map[string]string{}
	for _, tc := range conformanceCases {
		httpMethod[tc.Method], _, _ = strings.Cut(tc.Op, " ")
	}
	var broken []string
	fail := func(rule, name string) { broken = append(broken, rule+": "+name) }

	payloads := map[reflect.Type]bool{}
	paramsUsers := map[reflect.Type][]string{}
	for _, sm := range serviceMethods(t) {
		name := sm.m.Name
		base := name
		for _, suffix := range []string{"Pages", "Page"} {
			if strings.HasPrefix(name, "List") || strings.HasPrefix(name, "Search") {
				base = strings.TrimSuffix(base, suffix)
			}
		}
		// Names: a verb first; a read only with a read verb.
		read, write := verbOf(name, readVerbs), verbOf(name, writeVerbs)
		switch {
		case read == "" && write == "":
			fail("a method is named by its verb, not by a bare noun", sm.path)
		case httpMethod[sm.path] == "GET" && read == "":
			fail("a read (GET) is named Get, GetMany, List*, Count*, Is*, Search* or Download", sm.path)
		case httpMethod[sm.path] != "GET" && read != "" && write == "" && httpMethod[sm.path] != "":
			fail("a write is named by its verb, not as a read", sm.path)
		}
		if regexp.MustCompile(`V[1-5]$`).MatchString(name) {
			fail("an older version of an operation is a method of the service's V1..V5 field, not a suffix", sm.path)
		}
		// Results: one kind per verb.
		kind := resultKind(sm.m)
		want := map[string]string{"Get": "payload", "GetMany": "payload", "Count": "payload", "Is": "bool", "Delete": "error"}[read+write]
		switch {
		case kind == "":
			fail("a method returns a payload or settings type, an iterator, a bool, a token, a stream or only an error", sm.path)
		case (read == "List" || read == "Search") && name == base && kind != "iterator",
			(read == "List" || read == "Search") && strings.HasSuffix(name, "Pages") && kind != "iterator",
			(read == "List" || read == "Search") && strings.HasSuffix(name, "Page") && kind != "payload":
			fail("List/Search return an iterator of items, ListPages an iterator of pages, ListPage a page", sm.path)
		case want != "" && kind != want && !(read == "Get" && strings.HasPrefix(name, "GetAuthToken")):
			fail("a "+read+write+" method returns "+map[string]string{"payload": "a payload", "bool": "a bool", "error": "only an error"}[want], sm.path)
		}
		if kind == "payload" || kind == "iterator" {
			r := sm.m.Type.Out(0)
			if kind == "payload" {
				payloads[r.Elem()] = true
			}
		}
		// Params: a pointer to a struct named ...Params.
		for i := 1; i < sm.m.Type.NumIn(); i++ {
			in := sm.m.Type.In(i)
			if in.Kind() == reflect.Pointer && in.Elem().Kind() == reflect.Struct && in.Elem().PkgPath() == "github.com/amity-go/amity" {
				if !strings.HasSuffix(in.Elem().Name(), "Params") {
					fail("a params type ends in Params", sm.path+" takes "+in.Elem().Name())
				}
				paramsUsers[in.Elem()] = append(paramsUsers[in.Elem()], sm.path)
			}
		}
	}
	// A params type of one method is named after it (VerbNounParams, V3VerbNounParams).
	for typ, users := range paramsUsers {
		if len(users) != 1 {
			continue
		}
		path := users[0]
		method := path[strings.LastIndex(path, ".")+1:]
		verb := verbOf(method, append(slices.Clone(readVerbs), writeVerbs...))
		name := regexp.MustCompile(`^V[1-5]`).ReplaceAllString(typ.Name(), "")
		if verb != "" && !strings.HasPrefix(name, verb) {
			fail("a params type of one method is named after it (VerbNounParams)", typ.Name()+" of "+path)
		}
	}
	// Accessors of payloads: the primary entity takes nothing; a lookup (XByID, XByY) takes
	// its keys; a relation takes a pointer to the entity, and at most one key after it.
	interfaces := map[string]bool{"UnmarshalJSON": true, "MarshalJSON": true, "String": true, "GoString": true, "Format": true, "LogValue": true}
	for typ := range payloads {
		pt := reflect.PointerTo(typ)
		for i := range pt.NumMethod() {
			m := pt.Method(i)
			if interfaces[m.Name] {
				continue
			}
			if m.Type.NumOut() == 1 && m.Type.Out(0).Kind() == reflect.Slice && m.Type.Out(0).Elem().Kind() == reflect.Pointer {
				fail("a slice accessor returns values, as every other does", typ.Name()+"."+m.Name)
			}
			args := make([]reflect.Type, 0, m.Type.NumIn()-1)
			for j := 1; j < m.Type.NumIn(); j++ {
				args = append(args, m.Type.In(j))
			}
			keys := func(ts []reflect.Type) bool {
				return !slices.ContainsFunc(ts, func(a reflect.Type) bool { return a.Kind() != reflect.String })
			}
			switch {
			case strings.HasPrefix(m.Name, "Has") || strings.HasPrefix(m.Name, "Is"):
				if m.Type.NumOut() != 1 || m.Type.Out(0) != boolType || !keys(args) {
					fail("a predicate (Has..., Is...) takes keys and returns a bool", typ.Name()+"."+m.Name)
				}
			case strings.Contains(m.Name, "By"):
				if len(args) == 0 || !keys(args) {
					fail("a lookup accessor (XByID, XByY) takes its keys", typ.Name()+"."+m.Name)
				}
			case len(args) == 0:
			case args[0].Kind() != reflect.Pointer || len(args) > 2 || !keys(args[1:]):
				fail("an accessor takes nothing (the primary entity), keys (a lookup named XByY) or a pointer to an entity and at most one key (a relation)", typ.Name()+"."+m.Name)
			}
		}
	}
	broken = append(broken, sourceConventions(t)...)
	sort.Strings(broken)
	for _, b := range broken {
		t.Error(b)
	}
	t.Logf("%d payload types, %d params types checked", len(payloads), len(paramsUsers))
}

// sourceConventions checks the rules the package's source shows better than reflection:
// times are Time, and older API versions hang off their service one way.
func sourceConventions(t *testing.T) []string {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var broken []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					params := strings.HasSuffix(ts.Name.Name, "Params")
					for _, field := range st.Fields.List {
						for _, n := range field.Names {
							if n.IsExported() && strings.HasSuffix(n.Name, "At") && !isTimeExpr(field.Type, params) {
								broken = append(broken, "a time (a field named ...At) is an amity.Time (a time.Time in params): "+ts.Name.Name+"."+n.Name)
							}
						}
					}
				}
			case *ast.FuncDecl:
				if d.Recv != nil && d.Name.Name == "init" && recvName(d) != "Client" {
					broken = append(broken, "older versions are wired in Client.init, not by a service's own init: "+f+" "+recvName(d))
				}
			}
		}
	}
	return broken
}

// isTimeExpr reports whether e is amity.Time (or a pointer to it), or, in params, time.Time.
func isTimeExpr(e ast.Expr, params bool) bool {
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name == timeType.Name()
	case *ast.SelectorExpr:
		pkg, ok := x.X.(*ast.Ident)
		return params && ok && pkg.Name == "time" && x.Sel.Name == "Time"
	}
	return false
}

func recvName(d *ast.FuncDecl) string {
	switch r := d.Recv.List[0].Type.(type) {
	case *ast.StarExpr:
		if id, ok := r.X.(*ast.Ident); ok {
			return id.Name
		}
	case *ast.Ident:
		return r.Name
	}
	return "?"
}

// keep iter imported for the documentation of resultKind's iterator test.
var _ iter.Seq2[int, error]
