package webhook_test

import (
	"testing"

	"github.com/amity-go/amity/webhook"
	"github.com/amity-go/amity/webhook/inboxtest"
)

// The file inbox passes the acceptance suite.
func TestFileInboxAcceptance(t *testing.T) {
	inboxtest.Run(t, func(t *testing.T) webhook.Inbox { return openFileInbox(t) })
}
