package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
)

const apiUsage = `Usage: amity api METHOD PATH [--data JSON] [--paginate] [flags]

Send any operation of the API through the SDK's transport (credentials, rate limit, retries
of reads) and print the answer as JSON, like gh api. PATH is the API path with its query:

  amity api GET '/api/v3/users?keyword=al'
  amity api POST /api/v4/posts --data '{"targetType":"community","targetId":"c1","data":{"text":"hi"}}'
  amity api GET /api/v3/users --paginate     # every page, one JSON answer a line

--paginate follows the answer's paging.next, passed back as options[token], until it is empty.
`

// runAPI runs amity api.
func runAPI(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("api", apiUsage, stderr)
	af := addAPIFlags(fs)
	data := fs.String("data", "", "the request body, a JSON `value`")
	paginate := fs.Bool("paginate", false, "follow paging.next and print every page")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return badUsage("api takes a METHOD and a PATH")
	}
	method, path := strings.ToUpper(pos[0]), pos[1]
	var body any
	if *data != "" {
		if !json.Valid([]byte(*data)) {
			return badUsage("--data is not JSON")
		}
		body = json.RawMessage(*data)
	}
	if *paginate && method != "GET" {
		return badUsage("--paginate follows the pages of a GET")
	}
	c, ctx, done, err := af.connect(ctx)
	if err != nil {
		return err
	}
	defer done()
	for page := 1; ; page++ {
		out, err := c.Raw(ctx, method, path, body)
		if err != nil {
			return err
		}
		if err := printJSON(stdout, out, *paginate); err != nil {
			return err
		}
		if !*paginate {
			return nil
		}
		next := nextToken(out)
		if next == "" {
			return nil
		}
		if path, err = withPageToken(path, next); err != nil {
			return err
		}
	}
}

// printJSON prints an answer: indented, or on one line when the pages follow one another
// (JSON lines). An empty answer prints nothing.
func printJSON(w io.Writer, b []byte, oneLine bool) error {
	if len(b) == 0 {
		return nil
	}
	var buf bytes.Buffer
	var err error
	if oneLine {
		err = json.Compact(&buf, b)
	} else {
		err = json.Indent(&buf, b, "", "  ")
	}
	if err != nil { // not JSON: as sent
		buf.Reset()
		buf.Write(b)
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}

// nextToken is the paging.next cursor of an answer ({paging} or {data: {paging}}), or "".
func nextToken(b []byte) string {
	var a struct {
		Paging struct {
			Next string `json:"next"`
		} `json:"paging"`
		Data struct {
			Paging struct {
				Next string `json:"next"`
			} `json:"paging"`
		} `json:"data"`
	}
	if json.Unmarshal(b, &a) != nil {
		return ""
	}
	if a.Paging.Next != "" {
		return a.Paging.Next
	}
	return a.Data.Paging.Next
}

// withPageToken sets options[token] in path's query.
func withPageToken(path, token string) (string, error) {
	p, rawQuery, _ := strings.Cut(path, "?")
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return "", fmt.Errorf("the path's query: %w", err)
	}
	q.Set("options[token]", token)
	return p + "?" + q.Encode(), nil
}
