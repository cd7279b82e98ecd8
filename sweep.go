package amity

import (
	"context"
	"iter"
)

// Sweep calls act once on every item of list, and is the safe way to act on a listing whose
// membership the action changes: deleting the posts of a hasFlag=true listing, clearing their
// flags, banning the members of a filtered member list.
//
// The API's page tokens are offsets (a token is base64 of {"skip":20,"limit":10}): an item
// that leaves a filtered list while it is paged moves every later item one place up, under
// the cursor, and ranging over a List while acting on its items skips some of them (a third
// of a flagged list at the default page size). Sweep first takes a snapshot of the whole
// listing, then acts on each item of the snapshot in order, then lists again and acts on the
// items it has not seen (flagged meanwhile, or moved past the snapshot by someone else's
// changes), until a listing brings no new item. An item act leaves in the list (a post with
// one flag the job chooses to keep) is not acted on twice: key names each item (a post's
// PostID, a comment's CommentID).
//
// The snapshot holds the items of one listing in memory (a few KB each); for a listing too
// large for that, narrow it (per community, per channel) and sweep each part. list must start
// over each time it is ranged over, as every List of this package does. Sweep stops at the
// first error of list or act, or when ctx ends, and returns it with the number of items act
// was called on; to go on past a failed item, handle its error in act and return nil.
func Sweep[T any](ctx context.Context, list iter.Seq2[T, error], key func(T) string, act func(context.Context, T) error) (int, error) {
	seen := map[string]bool{}
	done := 0
	for {
		var fresh []T
		for item, err := range list {
			if err != nil {
				return done, err
			}
			if k := key(item); !seen[k] {
				seen[k] = true
				fresh = append(fresh, item)
			}
		}
		if len(fresh) == 0 {
			return done, nil
		}
		for _, item := range fresh {
			if err := ctx.Err(); err != nil {
				return done, err
			}
			done++
			if err := act(ctx, item); err != nil {
				return done, err
			}
		}
	}
}
