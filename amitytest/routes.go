package amitytest

import "net/http"

// routes registers every implemented operation.
func (s *Server) routes() {
	s.routesAuth()
	s.routesUsers()
	s.routesFiles()
	s.routesPosts()
	s.routesComments()
	s.routesReactions()
	s.routesCommunities()
	s.routesCommunityMembers()
	s.routesCategories()
	s.routesChannels()
	s.routesChannelMembers()
	s.routesMessages()
	s.routesMessageFeeds()
	s.routesMessagesV3()
	s.routesPolls()
	s.routesModeration()
	// stories, feeds, follows, analytics, streams, pins, search, ads
	s.routesStories()
	s.routesStoryTargets()
	s.routesFeeds()
	s.routesTargetFeeds()
	s.routesFollows()
	s.routesAnalytics()
	s.routesStreams()
	s.routesPins()
	s.routesSearch()
	s.routesAds()
	// network settings, roles, notifications, presence, markers, legacy lists, channel search
	s.routesNetworkSettings()
	s.routesRoles()
	s.routesNotifications()
	s.routesPresence()
	s.routesMarkers()
	s.routesModerationLegacy()
	s.routesChannelSearch()
	s.routesEvents()
	s.routesInvitations()
	s.routesCommunityJoinRequests()
	s.routesRooms()
	s.routesStreamsLive()
	s.routesPresenceRooms()
	s.routesReactionsLive()
	s.routesProducts()
	s.routesNetworkSettings4116()
	s.routesAdminToken()
	s.routesReports()
	s.routesArchives()
	s.routesNotificationTray()
	s.routesPostsSearch()    // GET /api/v1/search/posts
	s.routesPostsKV()        // PATCH /api/v4/posts/{postId}/kv
	s.routesScheduledPosts() // /api/v1/posts/schedule
	s.routesFilesFromURL()   // uploads from a URL, clips, PUT /api/v3/files/{fileId}
	s.routesBulkDelete()     // bulk delete jobs, GET /api/v4/me/blockers
	s.routesContentHistory() // GET /api/v1/content-histories
	s.routesUserFeedV4()     // GET /api/v4/user-feeds/{userId}
	s.routesMessagesSearch() // GET /api/v2/search/messages
	s.routesChannelsSeen()   // POST /api/v3/channels/seen
	s.routesGuestSessions()  // POST /api/v5/sessions/bot and /visitor
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errNotFound("Resource Not Found."))
	})
}
