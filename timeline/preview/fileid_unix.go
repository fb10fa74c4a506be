//go:build unix

package preview

import (
	"io/fs"
	"syscall"
)

// fileID is the inode, which an atomic save (write a new file, rename it
// over the old) changes even when size and time stay the same.
func fileID(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
