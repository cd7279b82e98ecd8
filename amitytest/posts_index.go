package amitytest

import (
	"fmt"
	"sort"
)

// postIndex keeps the posts in the order lists sort them by default, (createdAt, seq), all
// together and per target, and the counts answers carry per target (a feed's postCount, a
// community's postsCount and whether it has a flagged post), so that a list page or a create
// does not scan or sort every post. The posts map stays the store; every change of it goes
// through state.addPost and state.removePost, and every change of a post's deleted, feedType
// or flags through state.touchPost, which drops its target's counts (they are counted again
// from the target's posts when next asked).
type postIndex struct {
	all      []*post            // ascending (createdAt, seq)
	byTarget map[string][]*post // by targetKey, ascending (createdAt, seq)
	counts   map[string]*postCounts
}

// postCounts are the counts of one target's posts.
type postCounts struct {
	parents map[string]int // parent posts not deleted, by feed type
	flagged int            // posts (parents and children) not deleted with at least one flag
}

// verifyPostIndex makes every use of the index check it against the posts map and panic on
// a difference; the package's tests turn it on (index_verify_test.go).
var verifyPostIndex = false

func targetKey(targetType, targetID string) string { return targetType + "\x00" + targetID }

// postBefore is the order of the index: createdAt, then seq.
func postBefore(a, b *post) bool {
	if !a.createdAt.Equal(b.createdAt) {
		return a.createdAt.Before(b.createdAt)
	}
	return a.seq < b.seq
}

func insertPost(list []*post, p *post) []*post {
	i := sort.Search(len(list), func(i int) bool { return postBefore(p, list[i]) })
	list = append(list, nil)
	copy(list[i+1:], list[i:])
	list[i] = p
	return list
}

func removeFrom(list []*post, p *post) []*post {
	i := sort.Search(len(list), func(i int) bool { return !postBefore(list[i], p) })
	for ; i < len(list); i++ {
		if list[i] == p {
			copy(list[i:], list[i+1:])
			list[len(list)-1] = nil
			return list[:len(list)-1]
		}
	}
	return list
}

func (st *state) postIdx() *postIndex {
	if st.pidx == nil {
		st.pidx = &postIndex{byTarget: map[string][]*post{}, counts: map[string]*postCounts{}}
	}
	return st.pidx
}

// addPost stores p (replacing nothing: its ID is free) and indexes it.
func (st *state) addPost(p *post) {
	st.posts[p.id] = p
	ix := st.postIdx()
	ix.all = insertPost(ix.all, p)
	k := targetKey(p.targetType, p.targetID)
	ix.byTarget[k] = insertPost(ix.byTarget[k], p)
	if pc := ix.counts[k]; pc != nil {
		pc.add(p, 1)
	}
}

// removePost deletes the post id from the store and the index.
func (st *state) removePost(id string) {
	p := st.posts[id]
	if p == nil {
		return
	}
	delete(st.posts, id)
	ix := st.postIdx()
	ix.all = removeFrom(ix.all, p)
	k := targetKey(p.targetType, p.targetID)
	if l := removeFrom(ix.byTarget[k], p); len(l) > 0 {
		ix.byTarget[k] = l
	} else {
		delete(ix.byTarget, k)
	}
	delete(ix.counts, k)
}

// touchPost records that p's deleted, feedType or flags may have changed.
func (st *state) touchPost(p *post) { delete(st.postIdx().counts, targetKey(p.targetType, p.targetID)) }

func (pc *postCounts) add(p *post, n int) {
	if p.deleted {
		return
	}
	if p.parentID == "" {
		pc.parents[p.feedType] += n
	}
	if p.flags.count() > 0 {
		pc.flagged += n
	}
}

// targetCounts returns the counts of the posts of a target.
func (st *state) targetCounts(targetType, targetID string) *postCounts {
	ix := st.postIdx()
	k := targetKey(targetType, targetID)
	pc := ix.counts[k]
	if pc == nil || verifyPostIndex {
		fresh := &postCounts{parents: map[string]int{}}
		for _, p := range ix.byTarget[k] {
			fresh.add(p, 1)
		}
		if pc != nil && (pc.flagged != fresh.flagged || fmt.Sprint(pc.parents) != fmt.Sprint(fresh.parents)) {
			panic(fmt.Sprintf("amitytest: the post counts of %s are stale: %+v, counted %+v", k, *pc, *fresh))
		}
		pc = fresh
		ix.counts[k] = pc
	}
	return pc
}

// indexedPosts returns the posts of a target (all posts when targetID is empty) in
// ascending (createdAt, seq) order; the caller must not change the slice.
func (st *state) indexedPosts(targetType, targetID string) []*post {
	ix := st.postIdx()
	list := ix.all
	if targetID != "" {
		list = ix.byTarget[targetKey(targetType, targetID)]
	}
	if verifyPostIndex {
		st.verifyIndex()
	}
	return list
}

// verifyIndex checks the index against the posts map.
func (st *state) verifyIndex() {
	ix := st.postIdx()
	n := 0
	for k, l := range ix.byTarget {
		for i, p := range l {
			if st.posts[p.id] != p || targetKey(p.targetType, p.targetID) != k || (i > 0 && !postBefore(l[i-1], p)) {
				panic(fmt.Sprintf("amitytest: post index of %q is wrong at %d (%s)", k, i, p.id))
			}
		}
		n += len(l)
	}
	for i, p := range ix.all {
		if st.posts[p.id] != p || (i > 0 && !postBefore(ix.all[i-1], p)) {
			panic(fmt.Sprintf("amitytest: post index is wrong at %d (%s)", i, p.id))
		}
	}
	if n != len(st.posts) || len(ix.all) != len(st.posts) {
		panic(fmt.Sprintf("amitytest: post index holds %d and %d posts, the store %d", len(ix.all), n, len(st.posts)))
	}
}
