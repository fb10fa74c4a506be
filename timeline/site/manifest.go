package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The manifest is what the writer knows of an output folder after a
// build: for each file, the key it was made from and its size and time
// then. It lives in Options.StateDir, outside the output, so that it is
// never published; without it every page is rendered and compared with
// the disk, which is slower but gives the same output.
//
// One line a file: hex key, size, time in Unix nanoseconds, name. The
// first line names the format and the output folder.

const manifestHeader = "timeline-manifest 1"

func manifestPath(stateDir, out string) string {
	h := sha256.Sum256([]byte(out))
	return filepath.Join(stateDir, "output-"+hex.EncodeToString(h[:8]))
}

// loadManifest reads the manifest of the output folder out; a missing,
// foreign or damaged one reads as empty, so nothing is trusted from it.
func loadManifest(stateDir, out string) map[string]fileState {
	m := map[string]fileState{}
	if stateDir == "" {
		return m
	}
	data, err := os.ReadFile(manifestPath(stateDir, out))
	if err != nil {
		return m
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != manifestHeader+" "+out {
		return m
	}
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), " ", 4)
		if len(f) != 4 {
			return map[string]fileState{}
		}
		var st fileState
		k, err1 := hex.DecodeString(f[0])
		size, err2 := strconv.ParseInt(f[1], 10, 64)
		mtime, err3 := strconv.ParseInt(f[2], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil || len(k) != len(st.key) {
			return map[string]fileState{}
		}
		copy(st.key[:], k)
		st.size, st.mtime = size, mtime
		m[f[3]] = st
	}
	if sc.Err() != nil || !bytes.HasSuffix(data, []byte("\n")) {
		return map[string]fileState{} // cut short
	}
	return m
}

// saveManifest writes the manifest of out, replacing the old one in one
// rename, and returns its bytes, or nil when it could not. Failing to save
// it costs the next build time, not correctness, so the error is not
// reported.
func saveManifest(stateDir, out string, files map[string]fileState) []byte {
	if stateDir == "" {
		return nil
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.Grow(len(names) * 120)
	fmt.Fprintf(&b, "%s %s\n", manifestHeader, out)
	for _, name := range names {
		st := files[name]
		b.WriteString(hex.EncodeToString(st.key[:]))
		fmt.Fprintf(&b, " %d %d %s\n", st.size, st.mtime, name)
	}
	path := manifestPath(stateDir, out)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b.Bytes()) {
		return b.Bytes()
	}
	if err := os.MkdirAll(stateDir, 0o755); err != nil {
		return nil
	}
	tmp, err := os.CreateTemp(stateDir, ".output-*")
	if err != nil {
		return nil
	}
	_, err = tmp.Write(b.Bytes())
	if err2 := tmp.Close(); err == nil {
		err = err2
	}
	if err != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
		return nil
	}
	return b.Bytes()
}
