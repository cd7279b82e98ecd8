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
	s.routesNetworkSettings4116()
	s.routesAdminToken()
	s.routesReports()
	s.routesArchives()
	s.routesNotificationTray()
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errNotFound("Resource Not Found."))
	})
}
