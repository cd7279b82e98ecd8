// Command amity is the command-line companion of the amity-go SDK.
//
// Install it with
//
//	go install github.com/amity-go/amity/cmd/amity@latest
//
// Its subcommands:
//
//	amity mock        serve the stateful fake of the Amity (social.plus) API (package amitytest)
//	                  on an address, with signed webhooks, pre-hooks, faults and admin endpoints
//	amity trigger     perform, on a running mock, the operations that make it send an event
//	amity users       get, list, ban and unban users
//	amity moderation  sweep the flagged content (a dry run unless --apply)
//	amity export      write users, communities, members or posts as JSON lines (resumable)
//	amity import      create or update users from a CSV file (resumable)
//
// The commands over the API (users, moderation, export, import) read AMITY_REGION or
// AMITY_BASE_URL and the credentials AMITY_ADMIN_TOKEN, AMITY_API_KEY and AMITY_SERVER_KEY,
// as the examples do; they exit with status 0 on success, 1 on a failure, 2 on a usage
// error and 3 when stopped by a rate limit they could not wait out.
//
// Run "amity <command> --help" for a command's flags. The command uses only the standard
// library and the module's own packages, so it adds no dependency to the SDK's users.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `Usage: amity <command> [flags]

amity is the command-line companion of the amity-go SDK.

Commands:
  mock        serve the stateful fake of the Amity (social.plus) API on an address
  trigger     make a running mock send a webhook event (amity trigger --list lists them)
  users       get, list, ban and unban users (amity users get|list|ban|unban)
  moderation  sweep the flagged content: delete, clear flags, ban (a dry run unless --apply)
  export      write users, communities, members or posts as JSON lines (resumable)
  import      create or update users from a CSV file (resumable, a dry run unless --apply)
  api         send any operation through the SDK's transport and print the answer (like gh api)

Run "amity <command> --help" for the flags of a command.
`

// run runs the command line args and returns the exit status: 0 on success, 1 on a
// failure, 2 on a usage error, 3 (exitRateLimited) on a rate limit the command could not
// wait out.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "mock":
		err = runMock(ctx, args[1:], stdout, stderr)
	case "trigger":
		err = runTrigger(ctx, args[1:], stdout, stderr)
	case "users":
		err = runUsers(ctx, args[1:], stdout, stderr)
	case "moderation":
		err = runModeration(ctx, args[1:], stdout, stderr)
	case "export":
		err = runExport(ctx, args[1:], stdout, stderr)
	case "import":
		err = runImport(ctx, args[1:], stdout, stderr)
	case "api":
		err = runAPI(ctx, args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "amity: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)):
		return 2
	case errors.As(err, new(badUsage)):
		fmt.Fprintf(stderr, "amity %s: %v\n", args[0], err)
		return 2
	}
	if isRateLimited(err) {
		fmt.Fprintf(stderr, "amity %s: %v (stopped by the rate limit: run it again later, or with a longer --timeout)\n", args[0], err)
		return exitRateLimited
	}
	fmt.Fprintf(stderr, "amity %s: %v\n", args[0], err)
	return 1
}

// usageError is a command line the flag package refused (it has printed why).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// parse parses args with fs, turning its errors into usageError (help is flag.ErrHelp).
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return nil
}
