package amitytest

// This file holds the Server methods that move a room the way its broadcasters would (start,
// disconnect, record, co-hosts); rooms.go the rooms.

import "fmt"

// existingRoom is the room roomID, unless it is unknown or deleted, for the Server methods that
// drive rooms; s.mu is held.
func (s *Server) existingRoom(roomID string) (*room, error) {
	r := s.st.liveData().rooms[roomID]
	if r == nil || r.deleted {
		return nil, fmt.Errorf("amitytest: no room %q", roomID)
	}
	return r, nil
}

// StartRoom marks an idle room live (or a room waiting for its broadcaster to reconnect live
// again), as when its host starts broadcasting with the ingest data of GET
// /api/v1/rooms/{roomId}/token. It fails for an unknown room or one in another state.
func (s *Server) StartRoom(roomID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.existingRoom(roomID)
	if err != nil {
		return err
	}
	if r.status != "idle" && r.status != "waitingReconnect" {
		return fmt.Errorf("amitytest: room %q is %s, neither idle nor waiting to reconnect", roomID, r.status)
	}
	now := s.now()
	if r.liveAt.IsZero() {
		r.liveAt = now
	}
	r.status, r.updatedAt = "live", now
	return nil
}

// DisconnectRoom marks a live room waitingReconnect, as when its broadcaster drops out;
// StartRoom makes it live again. It fails for an unknown room or one that is not live.
func (s *Server) DisconnectRoom(roomID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.existingRoom(roomID)
	if err != nil {
		return err
	}
	if r.status != "live" {
		return fmt.Errorf("amitytest: room %q is %s, not live", roomID, r.status)
	}
	r.status, r.updatedAt = "waitingReconnect", s.now()
	return nil
}

// RecordRoom marks an ended room recorded, giving it one recording (its recordedPlaybackInfos
// lead to GET .../recorded/{playbackId}/watch and /thumbnail). It fails for an unknown room or
// one that has not ended after being live.
func (s *Server) RecordRoom(roomID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.existingRoom(roomID)
	if err != nil {
		return err
	}
	if r.status != "ended" || r.liveAt.IsZero() {
		return fmt.Errorf("amitytest: room %q is %s, not ended after being live", roomID, r.status)
	}
	now := s.now()
	r.status, r.recordedAt, r.updatedAt = "recorded", now, now
	return nil
}

// AddRoomCoHost makes a user a co-host of a coHosts room, as accepting the host's invitation
// does. It fails for an unknown room or user, a directStreaming or ended room, and a user
// already broadcasting in the room.
func (s *Server) AddRoomCoHost(roomID, userID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.existingRoom(roomID)
	if err != nil {
		return err
	}
	switch {
	case s.st.liveUser(userID) == nil:
		return fmt.Errorf("amitytest: no user %q", userID)
	case r.kind != "coHosts":
		return fmt.Errorf("amitytest: room %q is a %s room, without co-hosts", roomID, r.kind)
	case r.ended():
		return fmt.Errorf("amitytest: room %q has ended", roomID)
	case r.isParticipant(userID):
		return fmt.Errorf("amitytest: %q already broadcasts in room %q", userID, roomID)
	}
	r.participants = append(r.participants, roomParticipant{kind: "coHost", userID: userID})
	delete(r.bans, userID)
	r.updatedAt = s.now()
	return nil
}

// RoomWatchSeconds returns the watching time recorded for a room by POST
// /api/v3/user-event/room.
func (s *Server) RoomWatchSeconds(roomID string) float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.liveData().roomWatch[roomID]
}
