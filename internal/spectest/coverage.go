package spectest

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteCoverage writes a Markdown report of which operations the SDK covers:
// a "# Spec coverage" title, a line "N of M operations covered (spec
// <version>)", M being len(ops), and a table | area | method | path | SDK method | with one row per
// operation of ops, in the order given. covered maps an operation key
// ("GET /api/v3/users/{userId}") to the SDK methods that call it
// ("Users.Get"); they are sorted, de-duplicated and joined with ", ", and an
// operation without any reads "not yet". Deprecated operations get
// " (deprecated)" after the path. The output depends only on the arguments.
func WriteCoverage(w io.Writer, version string, ops []Operation, covered map[string][]string) error {
	n := 0
	for _, op := range ops {
		if len(uniqueSorted(covered[op.Key()])) > 0 {
			n++
		}
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Spec coverage\n\n%d of %d operations covered (spec %s)\n\n", n, len(ops), version)
	fmt.Fprintln(bw, "| area | method | path | SDK method |")
	fmt.Fprintln(bw, "|---|---|---|---|")
	for _, op := range ops {
		path := "`" + op.Path + "`"
		if op.Deprecated {
			path += " (deprecated)"
		}
		methods := "not yet"
		if m := uniqueSorted(covered[op.Key()]); len(m) > 0 {
			methods = strings.Join(m, ", ")
		}
		fmt.Fprintf(bw, "| %s | %s | %s | %s |\n", cell(op.Area), op.Method, path, cell(methods))
	}
	return bw.Flush()
}

func uniqueSorted(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// cell escapes what would break a table row.
func cell(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}
