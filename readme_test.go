package amity_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// readmeImports are the packages README snippets may use without importing them.
var readmeImports = []string{"context", "errors", "fmt", "log", "log/slog", "net/http", "os", "time",
	"github.com/amity-go/amity", "github.com/amity-go/amity/amitytest"}

// TestREADMESnippetsCompile keeps every Go snippet of README.md compiling: each ```go block is
// the body of a function with ctx (context.Context) and c (*amity.Client) in scope, or, when
// it starts with "package", a file of its own. The snippets are type-checked with go vet in a
// scratch package inside the module.
func TestREADMESnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the README snippets with the go command")
	}
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	require.NotEmpty(t, blocks)

	dir, err := os.MkdirTemp(".", "zz-readme-snippets-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })

	var body strings.Builder
	body.WriteString("package snippets\n\nimport (\n")
	for _, imp := range readmeImports {
		fmt.Fprintf(&body, "\t%q\n", imp)
	}
	body.WriteString(")\n\nvar (\n\t_ = context.Background\n\t_ = errors.Is\n\t_ = fmt.Sprint\n\t_ = log.Print\n\t_ = slog.Info\n" +
		"\t_ = http.StatusOK\n\t_ = os.Getenv\n\t_ = time.Second\n\t_ = amity.Ptr[int]\n\t_ = amitytest.NewServer\n)\n")
	files := 0
	for i, b := range blocks {
		code := b[1]
		line := 1 + strings.Count(string(readme[:strings.Index(string(readme), b[0])]), "\n")
		if strings.HasPrefix(code, "// ") || strings.HasPrefix(code, "func ") { // a declaration
			fmt.Fprintf(&body, "\n//line README.md:%d\n%s\n", line+1, code)
			continue
		}
		if strings.HasPrefix(code, "package ") {
			sub := filepath.Join(dir, fmt.Sprintf("prog%d", i))
			require.NoError(t, os.MkdirAll(sub, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(sub, "main.go"), []byte(fmt.Sprintf("//line README.md:%d\n%s", line+1, code)), 0o644))
			files++
			continue
		}
		fmt.Fprintf(&body, "\nfunc snippet%d(ctx context.Context, c *amity.Client) error {\n\t_, _ = ctx, c\n//line README.md:%d\n%s\n\treturn nil\n}\n", i, line+1, code)
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "snippets.go"), []byte(body.String()), 0o644))
	cmd := exec.Command("go", "vet", "./"+dir+"/...")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "README snippets do not compile:\n%s", out)
	t.Logf("%d README snippets compile (%d whole programs)", len(blocks), files)
}

// TestREADMESweepRecipeIsTheTestedOne keeps the README's moderation recipe the function that
// Example_sweepFlaggedContent and TestSweepFlaggedContentFindsEverything run.
func TestREADMESweepRecipeIsTheTestedOne(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	example, err := os.ReadFile("example_sweep_test.go")
	require.NoError(t, err)
	fn := string(example[strings.Index(string(example), "// sweepFlagged deletes"):])
	require.Contains(t, string(readme), "```go\n"+strings.TrimSpace(fn)+"\n```", "README.md must show sweepFlagged as example_sweep_test.go has it")
}
