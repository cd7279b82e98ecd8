package webhook_test

import (
	"strings"
	"testing"

	"github.com/amity-go/amity/webhook"
	"github.com/amity-go/amity/webhook/inboxtest"
)

// BenchmarkVerifyAndParse measures ConstructEvent (verify + decode) on the spec-shaped body
// of each event: one sub-benchmark per event.
func BenchmarkVerifyAndParse(b *testing.B) {
	spec := loadSpec(b)
	for _, name := range webhook.AllEvents() {
		body := specBody(b, spec, name)
		sig := webhook.Sign(body, secret)
		b.Run(strings.ReplaceAll(string(name), "/", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for range b.N {
				if _, err := webhook.ConstructEvent(body, sig, secret); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerify measures the signature check alone on a post event body.
func BenchmarkVerify(b *testing.B) {
	spec := loadSpec(b)
	body := specBody(b, spec, webhook.EventPostDidCreate)
	sig := webhook.Sign(body, secret)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for range b.N {
		if err := webhook.Verify(body, sig, secret); err != nil {
			b.Fatal(err)
		}
	}
}

// The time to answer 200 with the file inbox (p50-ms, p99-ms): the target is a p99 of
// 25 ms at most, far inside Amity's 1.5 s.
func BenchmarkFileInboxAnswer(b *testing.B) {
	inboxtest.BenchmarkAnswer(b, openFileInbox(b))
}
