package webhook

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/amity-go/amity"
)

// Header names of the signatures.
const (
	// SignatureHeader carries the webhook signature: base64(HMAC-SHA256(secret, raw body)).
	SignatureHeader = "X-Amity-Signature"
	// PreHookSignatureHeader carries the pre-hook signature of the product docs:
	// hex(HMAC-SHA256(secret, body)). NewPreHookHandler accepts it and SignatureHeader.
	PreHookSignatureHeader = "X-Signature"
	// LegacySignatureHeader marks the legacy duplicate of a delivery: Amity sends some events
	// twice, once signed with SignatureHeader and once with this header, and the product
	// docs say the duplicates "can safely be ignored". A Handler answers a request that
	// carries it and no SignatureHeader with 200 and drops it, unread and unprocessed.
	LegacySignatureHeader = "X-Eko-Signature"
)

// Errors of Verify, ConstructEvent and Parse. Match them with errors.Is.
var (
	// ErrNoSignature: the signature is empty (the header is missing).
	ErrNoSignature = errors.New("webhook: no signature")
	// ErrBadSignature: the signature is not the HMAC of the body under the secret (or is
	// not valid base64 / hex).
	ErrBadSignature = errors.New("webhook: signature does not match the body")
	// ErrNoSecret: the secret is empty, which is a configuration error; nothing verifies.
	// NewHandler and NewPreHookHandler also return it for a secret of white space only.
	ErrNoSecret = errors.New("webhook: empty secret")
	// ErrSecretSpace: NewHandler or NewPreHookHandler was given a secret that starts or ends
	// with white space, like a secret read from a file with its trailing newline. Amity's
	// secrets have none, so nothing would verify.
	ErrSecretSpace = errors.New("webhook: the secret starts or ends with white space")
	// ErrInvalidPayload: the body is not a JSON object, or the data of a known event does
	// not decode into its type.
	ErrInvalidPayload = errors.New("webhook: invalid payload")
)

// Sign returns the webhook signature of body under secret, base64(HMAC-SHA256), the value
// of the x-amity-signature header. It is what a sender (or a test) puts in the header.
func Sign(body, secret []byte) string {
	return base64.StdEncoding.EncodeToString(mac(body, secret))
}

// SignHex returns the hex form of the HMAC-SHA256 of body under secret, the x-signature
// value the pre-hook docs show.
func SignHex(body, secret []byte) string { return hex.EncodeToString(mac(body, secret)) }

func mac(body, secret []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return m.Sum(nil)
}

// Verify checks that signature, the x-amity-signature header, is the base64 HMAC-SHA256 of
// the raw body under secret. The comparison is constant-time (hmac.Equal). Pass the body
// exactly as received: a re-encoded body does not verify.
//
// The signature covers the body only: there is no timestamp and no event ID in it, so no
// replay window can be checked. A captured request can be sent again and verifies again;
// make your handlers idempotent (an event's entity IDs and updatedAt tell a repeat apart).
func Verify(body []byte, signature string, secret []byte) error {
	return verify(body, signature, secret, decodeBase64)
}

// VerifyHex is Verify for the hex form of the signature (the x-signature header of the
// pre-hook docs).
func VerifyHex(body []byte, signature string, secret []byte) error {
	return verify(body, signature, secret, hex.DecodeString)
}

func decodeBase64(s string) ([]byte, error) {
	if b, err := base64.StdEncoding.DecodeString(s); err == nil {
		return b, nil
	}
	return base64.RawStdEncoding.DecodeString(s)
}

// checkSecret tells why a handler built with secret would refuse every delivery: ErrNoSecret
// when it is empty or white space only, ErrSecretSpace when white space surrounds it.
func checkSecret(secret []byte) error {
	trimmed := bytes.TrimSpace(secret)
	switch {
	case len(trimmed) == 0 && len(secret) == 0:
		return fmt.Errorf("%w: every delivery would be refused (is the variable or file that holds it set?)", ErrNoSecret)
	case len(trimmed) == 0:
		return fmt.Errorf("%w: the secret is %d bytes of white space only", ErrNoSecret, len(secret))
	case len(trimmed) != len(secret):
		return fmt.Errorf("%w: every delivery would be refused; trim it (bytes.TrimSpace) if it was read from a file", ErrSecretSpace)
	}
	return nil
}

func verify(body []byte, signature string, secret []byte, decode func(string) ([]byte, error)) error {
	if len(secret) == 0 {
		return ErrNoSecret
	}
	signature = strings.TrimSpace(signature)
	if signature == "" {
		return ErrNoSignature
	}
	got, err := decode(signature)
	if err != nil || len(got) != sha256.Size {
		return ErrBadSignature
	}
	if !hmac.Equal(got, mac(body, secret)) {
		return ErrBadSignature
	}
	return nil
}

// Event is one webhook delivery.
type Event struct {
	// Name is the event, one of the EventName constants, or the name as sent for an event
	// this package does not know.
	Name EventName
	// SentName is the name as it came on the wire: the "event" member, or for a push
	// notification its data.eventName (the v5 message events are sent as "message.didX").
	SentName string
	// Data is the typed data; see Data for the types. Never nil.
	Data Data
	// Push is the envelope of a push-notification event (nil for the others).
	Push *PushEnvelope
	// Raw is the whole body as received, with every field the types do not model.
	Raw json.RawMessage
	// Key and Attempt are set for an event run from an inbox (WithInbox): the delivery's
	// key (InboxKey of Raw) and the run's number, 1 for the first. A handler can make
	// itself idempotent with Key. Empty and 0 otherwise.
	Key     string
	Attempt int
}

// PushEnvelope is the envelope of a push-notification event.
type PushEnvelope struct {
	// EventType is "push-notification.created".
	EventType string `json:"eventType"`
	// ID is the notification's ID; NetworkID the network; Path its real-time path;
	// SenderID the user who caused it.
	ID        string `json:"id"`
	NetworkID string `json:"networkId"`
	Path      string `json:"path"`
	SenderID  string `json:"senderId"`
	// SentTime is when it was sent; Version the envelope version.
	SentTime amity.Time `json:"sentTime"`
	Version  string     `json:"version"`
}

// PushEventType is the eventType of every push-notification envelope.
const PushEventType = "push-notification.created"

// ConstructEvent verifies the signature (see Verify) and, when it matches, parses the body
// (see Parse). Nothing is parsed for a body that does not verify.
func ConstructEvent(body []byte, signature string, secret []byte) (*Event, error) {
	if err := Verify(body, signature, secret); err != nil {
		return nil, err
	}
	return Parse(body)
}

// envelope is both envelopes: {event, data} and the push-notification one.
type envelope struct {
	Event string          `json:"event"`
	Data  json.RawMessage `json:"data"`
	PushEnvelope
}

// Parse decodes a webhook body without verifying it (use ConstructEvent for a request; Parse
// is for bodies already verified, or stored). The event name is mapped to the constants:
//
//   - {event, data}: the event member. A name the spec lists with a "v3." prefix is also
//     accepted without it ("post.didCreate" is EventPostDidCreate), as the product docs
//     name them so.
//   - {eventType: "push-notification.created", data{eventName}}: "push-notification/" +
//     data.eventName, e.g. EventPushPostCreated (also for a push notification this package
//     does not know; "push-notification.created" when data.eventName is missing).
//   - message.didCreate, message.didUpdate and message.didDelete are sent under the same
//     names by the v3 chat API and the v5 messages API (the spec's v5 events declare
//     event: message.didCreate / message.didDelete, and message.didCreate for the update
//     too). They are told apart by the data: v5 data has a "messageFeeds" or a
//     "reactions" member, or messages with a "messageFeedId" (v5 messages live in a message
//     feed); v3 messages have none of these (they carry "channelSegment" instead). The
//     spec's v5 schemas swap the items of messages and messageFeeds, so the check looks at
//     the member names and at any message carrying messageFeedId, which both the wire and
//     the spec's shapes have. V5 data is EventV5MessageDidX with *MessageEvent; v3 data is
//     EventMessageDidX with *V3MessageEvent.
//
// An unknown event is not an error: its Data is *Unknown. Unknown fields are ignored by the
// types and kept in Raw. The error, matching ErrInvalidPayload, is for a body that is not a
// JSON object or data of a known event that does not decode into its type.
func Parse(body []byte) (*Event, error) {
	trimmed := trimJSONSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, fmt.Errorf("%w: the body is not a JSON object", ErrInvalidPayload)
	}
	var env envelope
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidPayload, err)
	}
	ev := &Event{Raw: json.RawMessage(body), SentName: env.Event}
	if env.Event == "" && env.EventType == PushEventType {
		var head struct {
			EventName string `json:"eventName"`
		}
		if isObject(env.Data) {
			_ = json.Unmarshal(env.Data, &head) // a mismatch is reported by the typed decode below
		}
		push := env.PushEnvelope
		ev.Push, ev.SentName = &push, head.EventName
		ev.Name = EventName("push-notification/" + head.EventName)
	} else {
		ev.Name = resolveName(env.Event, env.Data)
	}
	newData, known := eventKinds[ev.Name]
	if !known {
		if ev.Push != nil && ev.SentName == "" {
			ev.Name = EventName(env.EventType)
		}
		ev.Data = &Unknown{Data: env.Data}
		return ev, nil
	}
	d := newData()
	if len(env.Data) > 0 && !bytes.Equal(env.Data, []byte("null")) {
		if err := json.Unmarshal(env.Data, d); err != nil {
			return nil, fmt.Errorf("%w: %s data: %v", ErrInvalidPayload, ev.Name, err)
		}
	}
	if n, ok := d.(normalizer); ok {
		n.normalize()
	}
	ev.Data = d
	return ev, nil
}

func isObject(b json.RawMessage) bool {
	b = trimJSONSpace(b)
	return len(b) > 0 && b[0] == '{'
}

// trimJSONSpace trims the white space JSON allows around a value (space, tab, CR, LF), and
// nothing else: a body with other white space around it (a vertical tab) is not JSON, and
// Event.Raw, the body as signed, must be.
func trimJSONSpace(b []byte) []byte { return bytes.Trim(b, " \t\r\n") }

// resolveName maps the envelope's event member to an EventName (see Parse).
func resolveName(sent string, data json.RawMessage) EventName {
	name := EventName(sent)
	switch name {
	case EventMessageDidCreate, EventMessageDidUpdate, EventMessageDidDelete:
		if isV5Message(data) {
			return "v5." + name
		}
		return name
	}
	if _, ok := eventKinds[name]; ok {
		return name
	}
	if _, ok := eventKinds["v3."+name]; ok {
		return "v3." + name
	}
	return name
}

// isV5Message reports whether message event data has the v5 shape (see Parse).
func isV5Message(data json.RawMessage) bool {
	if !isObject(data) {
		return false
	}
	var peek struct {
		MessageFeeds json.RawMessage `json:"messageFeeds"`
		Reactions    json.RawMessage `json:"reactions"`
		Messages     []struct {
			MessageFeedID *json.RawMessage `json:"messageFeedId"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(data, &peek); err != nil {
		// Not decodable as either shape's member types: peek at the member names only.
		var names map[string]json.RawMessage
		if json.Unmarshal(data, &names) != nil {
			return false
		}
		_, feeds := names["messageFeeds"]
		_, reactions := names["reactions"]
		return feeds || reactions
	}
	if peek.MessageFeeds != nil || peek.Reactions != nil {
		return true
	}
	for _, m := range peek.Messages {
		if m.MessageFeedID != nil {
			return true
		}
	}
	return false
}
