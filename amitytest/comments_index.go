package amitytest

import "fmt"

// commentIndex keeps the comments by what they comment on (a post) and by target (a
// community or user feed), in the order they were stored, so that a post's answer (its
// comment count, latest comments, flagged comments), a new comment's segment and a
// community's flagged-comment mark read only the comments concerned, not every comment.
// A comment's reference and target never change; every change of the comments map goes
// through state.addComment and state.removeComment, and every change of a comment's deleted
// or flags through state.touchComment, which drops its target's count of flagged comments
// (counted again from the target's comments when next asked).
type commentIndex struct {
	byRef    map[string][]*comment // referenceType \x00 referenceID
	byTarget map[string][]*comment // targetType \x00 targetID
	flagged  map[string]int        // by target: the comments not deleted with a flag, when known
}

func (st *state) commentIdx() *commentIndex {
	if st.cidx == nil {
		st.cidx = &commentIndex{byRef: map[string][]*comment{}, byTarget: map[string][]*comment{}, flagged: map[string]int{}}
	}
	return st.cidx
}

// addComment stores cm (its ID is free) and indexes it.
func (st *state) addComment(cm *comment) {
	st.comments[cm.id] = cm
	ix := st.commentIdx()
	rk, tk := targetKey(cm.referenceType, cm.referenceID), targetKey(cm.targetType, cm.targetID)
	ix.byRef[rk] = append(ix.byRef[rk], cm)
	ix.byTarget[tk] = append(ix.byTarget[tk], cm)
	if n, known := ix.flagged[tk]; known && flaggedLive(cm) {
		ix.flagged[tk] = n + 1
	}
}

func flaggedLive(cm *comment) bool { return !cm.deleted && cm.flags.count() > 0 }

// touchComment records that cm's deleted or flags may have changed.
func (st *state) touchComment(cm *comment) {
	delete(st.commentIdx().flagged, targetKey(cm.targetType, cm.targetID))
}

// flaggedCommentsOfTarget counts the comments of a target's feed that are not deleted and
// have a flag.
func (st *state) flaggedCommentsOfTarget(targetType, targetID string) int {
	ix := st.commentIdx()
	k := targetKey(targetType, targetID)
	n, known := ix.flagged[k]
	if !known || verifyPostIndex {
		fresh := 0
		for _, cm := range st.commentsOfTarget(targetType, targetID) {
			if flaggedLive(cm) {
				fresh++
			}
		}
		if known && n != fresh {
			panic(fmt.Sprintf("amitytest: the flagged comments of %s are stale: %d, counted %d", k, n, fresh))
		}
		n = fresh
		ix.flagged[k] = n
	}
	return n
}

// removeComment deletes cm from the store and the index.
func (st *state) removeComment(cm *comment) {
	if st.comments[cm.id] != cm {
		return
	}
	delete(st.comments, cm.id)
	ix := st.commentIdx()
	drop := func(m map[string][]*comment, k string) {
		l := m[k]
		for i, x := range l {
			if x == cm {
				l = append(l[:i:i], l[i+1:]...)
				break
			}
		}
		if len(l) == 0 {
			delete(m, k)
		} else {
			m[k] = l
		}
	}
	drop(ix.byRef, targetKey(cm.referenceType, cm.referenceID))
	drop(ix.byTarget, targetKey(cm.targetType, cm.targetID))
	st.touchComment(cm)
}

// commentsOn returns the comments (deleted ones too) on referenceType referenceID, in the
// order they were stored; the caller must not change the slice.
func (st *state) commentsOn(referenceType, referenceID string) []*comment {
	st.verifyCommentIndex()
	return st.commentIdx().byRef[targetKey(referenceType, referenceID)]
}

// commentsOfTarget returns the comments (deleted ones too) of a target's feed.
func (st *state) commentsOfTarget(targetType, targetID string) []*comment {
	st.verifyCommentIndex()
	return st.commentIdx().byTarget[targetKey(targetType, targetID)]
}

// verifyCommentIndex checks the index against the comments map when verifyPostIndex is on.
func (st *state) verifyCommentIndex() {
	if !verifyPostIndex {
		return
	}
	ix := st.commentIdx()
	for name, m := range map[string]map[string][]*comment{"reference": ix.byRef, "target": ix.byTarget} {
		n := 0
		for k, l := range m {
			for _, cm := range l {
				key := targetKey(cm.referenceType, cm.referenceID)
				if name == "target" {
					key = targetKey(cm.targetType, cm.targetID)
				}
				if st.comments[cm.id] != cm || key != k {
					panic(fmt.Sprintf("amitytest: comment index by %s is wrong for %s", name, cm.id))
				}
			}
			n += len(l)
		}
		if n != len(st.comments) {
			panic(fmt.Sprintf("amitytest: comment index by %s holds %d comments, the store %d", name, n, len(st.comments)))
		}
	}
}
