package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/amity-go/amity"
)

const usersUsage = `Usage: amity users get ID [flags]
       amity users list [--keyword WORD] [--max N] [flags]
       amity users ban ID... [flags]
       amity users unban ID... [flags]

Get one user, list users, or ban or unban users globally (a banned user can no longer log
in or call the API). Ban and unban go on past a user that fails and exit with status 1 if
one did; they stop at once on a rate limit they cannot wait out (status 3).
`

// runUsers runs amity users.
func runUsers(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("users", usersUsage, stderr)
	af := addAPIFlags(fs)
	keyword := fs.String("keyword", "", "list: only users whose display name matches `word`")
	limit := fs.Int("max", 0, "list: print at most `n` users (0: all)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return badUsage("no subcommand: get, list, ban or unban")
	}
	sub, ids := pos[0], pos[1:]
	switch sub {
	case "get":
		if len(ids) != 1 {
			return badUsage("users get takes one user ID")
		}
	case "list":
		if len(ids) != 0 {
			return badUsage("users list takes no argument")
		}
	case "ban", "unban":
		if len(ids) == 0 {
			return badUsage("users " + sub + " takes one user ID or more")
		}
	default:
		return badUsage(fmt.Sprintf("unknown users subcommand %q: get, list, ban or unban", sub))
	}
	c, ctx, done, err := af.connect(ctx)
	if err != nil {
		return err
	}
	defer done()
	out := newPrinter(stdout, af.jsonOut)
	switch sub {
	case "get":
		p, err := c.Users.Get(ctx, ids[0])
		if err != nil {
			return err
		}
		if err := out.user(*p.User()); err != nil {
			return err
		}
		return out.flush()
	case "list":
		n := 0
		for u, err := range c.Users.List(ctx, &amity.ListUsersParams{PageParams: amity.PageParams{Limit: 100}, Keyword: *keyword}) {
			if err != nil {
				return err
			}
			if err := out.user(u); err != nil {
				return err
			}
			if n++; n == *limit {
				break
			}
		}
		return out.flush()
	}
	failed := 0
	for _, id := range ids {
		var err error
		if sub == "ban" {
			err = c.Users.Ban(ctx, id)
		} else {
			err = c.Users.Unban(ctx, id)
		}
		if err != nil && isFatal(ctx, err) {
			return err
		}
		if err != nil {
			failed++
		}
		if perr := out.outcome(sub, id, err); perr != nil {
			return perr
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d users not %sned", failed, len(ids), sub)
	}
	return nil
}

// isFatal reports whether err ends a command that goes on past the items that fail: a rate
// limit it could not wait out, or the command's context ended.
func isFatal(ctx context.Context, err error) bool {
	return isRateLimited(err) || ctx.Err() != nil
}

// printer prints the data of a command: JSON lines with --json, aligned columns otherwise.
// Nothing it prints holds a credential: the API's objects carry none.
type printer struct {
	w    io.Writer
	json bool
	tw   *tabwriter.Writer
}

func newPrinter(w io.Writer, jsonOut bool) *printer {
	return &printer{w: w, json: jsonOut, tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
}

// value prints v as one line of JSON.
func (p *printer) value(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(p.w, "%s\n", b)
	return err
}

// user prints a user: a JSON line, or its ID, display name and state.
func (p *printer) user(u amity.User) error {
	if p.json {
		return p.value(u)
	}
	state := ""
	switch {
	case u.IsDeleted:
		state = "deleted"
	case u.IsGlobalBan:
		state = "banned"
	}
	_, err := fmt.Fprintf(p.tw, "%s\t%s\t%d flags\t%s\n", u.UserID, u.DisplayName, u.FlagCount, state)
	return err
}

// flush writes what the columns hold.
func (p *printer) flush() error { return p.tw.Flush() }

// outcome prints the outcome of an action on an item: {"action","id","ok","error"} with
// --json, a line otherwise.
func (p *printer) outcome(action, id string, err error) error {
	if p.json {
		o := struct {
			Action string `json:"action"`
			ID     string `json:"id"`
			OK     bool   `json:"ok"`
			Error  string `json:"error,omitempty"`
		}{action, id, err == nil, ""}
		if err != nil {
			o.Error = err.Error()
		}
		return p.value(o)
	}
	if err != nil {
		_, werr := fmt.Fprintf(p.w, "%s %s: failed: %v\n", action, id, err)
		return werr
	}
	_, werr := fmt.Fprintf(p.w, "%s %s: done\n", action, id)
	return werr
}
