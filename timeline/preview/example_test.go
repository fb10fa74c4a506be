package preview_test

import (
	"context"
	"log"
	"net"
	"os"

	"github.com/timelinehq/timeline/timeline/preview"
)

// The preview of a site: a watcher on its sources, a server that rebuilds
// on each change and serves the output folder with live reload.
func Example() {
	ctx := context.Background()
	srv := &preview.Server{
		Dir: "public",
		Build: func(ctx context.Context) (preview.Report, error) {
			// Write the site to public/ here; return the warnings.
			return preview.Report{Summary: "built"}, nil
		},
		Log: os.Stderr,
	}
	w, err := preview.Watch(preview.Options{Dirs: []string{"content", "templates"}, Skip: []string{"public"}})
	if err != nil {
		log.Fatal(err)
	}
	defer w.Close()
	srv.Rebuild(ctx, "")
	go srv.Run(ctx, w.C)
	ln, err := net.Listen("tcp", "127.0.0.1:1313")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(ctx, ln)) // until ctx ends
}
