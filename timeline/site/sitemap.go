package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"strconv"
)

// sitemap.xml lists every page's absolute address for search engines, in
// the sitemaps.org protocol 0.9. It is written only when the site has a
// base URL: the protocol allows absolute addresses alone, and without a base
// URL the build does not know where the site will be. A sitemap holds at
// most 50,000 addresses, so a larger site gets sitemap.xml as an index of
// sitemap-1.xml, sitemap-2.xml, ... beside it (a sitemap may list only
// addresses at or below its own folder, so they stay at the root). The
// pages are those the build renders (v.jobs), at the addresses of their
// canonical links. To point crawlers at it, add "Sitemap: <base
// URL>sitemap.xml" to a robots.txt in the templates' static/ folder.

// sitemapMax is the protocol's limit of addresses in one sitemap.
var sitemapMax = 50000

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

type sitemapLoc struct {
	Loc string `xml:"loc"`
}

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapLoc `xml:"url"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapLoc `xml:"sitemap"`
}

// sitemapFiles returns the sitemap files of v by name, in order; none
// without a base URL.
func sitemapFiles(v *siteView) ([]string, [][]byte, error) {
	base := v.Header.BaseURL
	if base == "" {
		return nil, nil, nil
	}
	jobs := v.jobs()
	locs := make([]sitemapLoc, len(jobs))
	for i, j := range jobs {
		locs[i] = sitemapLoc{Loc: base + j.path}
	}
	if len(locs) <= sitemapMax {
		data, err := sitemapXML(sitemapURLSet{NS: sitemapNS, URLs: locs})
		return []string{"sitemap.xml"}, [][]byte{data}, err
	}
	names := []string{"sitemap.xml"}
	datas := [][]byte{nil}
	index := sitemapIndex{NS: sitemapNS}
	for from := 0; from < len(locs); from += sitemapMax {
		name := "sitemap-" + strconv.Itoa(from/sitemapMax+1) + ".xml"
		data, err := sitemapXML(sitemapURLSet{NS: sitemapNS, URLs: locs[from:min(from+sitemapMax, len(locs))]})
		if err != nil {
			return nil, nil, err
		}
		names, datas = append(names, name), append(datas, data)
		index.Sitemaps = append(index.Sitemaps, sitemapLoc{Loc: base + name})
	}
	data, err := sitemapXML(index)
	datas[0] = data
	return names, datas, err
}

func sitemapXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// writeSitemap writes the sitemap files of v, keyed by their bytes.
func writeSitemap(w pageWriter, v *siteView) error {
	names, datas, err := sitemapFiles(v)
	if err != nil {
		return err
	}
	for i, name := range names {
		if err := w.writeKeyed(name, sha256.Sum256(datas[i]), datas[i]); err != nil {
			return err
		}
	}
	return nil
}
