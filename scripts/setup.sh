#!/usr/bin/env bash
# Fetch the real kernel trees syswire works on and tests against.
#
# Debian's linux-source-<ver> packages are downloaded with `apt-get download`
# and unpacked into .cache/kernel/linux-<ver>/ (ignored by git).  A tree is
# only extracted once; a stamp file marks a complete extraction, so an
# interrupted run is redone rather than trusted.
#
# The default set also makes .cache/kernel/linux-6.12-git/, the 6.12 tree as
# a git repository (see git_tree below) for the benchmark.
#
# 6.12 and 6.1 come from the machine's own sources (bookworm).  The newest
# tree, $NEWEST, comes from $NEWEST_SUITE through a private apt list
# directory (.cache/apt/), so the machine's own sources and lists are left
# alone: apt reads only the one .sources file there.
#
#   scripts/setup.sh           the 6.12, 6.1 and newest trees, 6.12 as git (default set)
#   scripts/setup.sh --slow    also the compilers the slow suite needs
#   scripts/setup.sh 6.12      only the named tree(s) (npm start)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.cache/kernel"
versions=()
slow=0
for arg in "$@"; do
	case "$arg" in
	--slow) slow=1 ;;
	*) versions+=("$arg") ;;
	esac
done
default_set=0
NEWEST=7.3
NEWEST_SUITE=trixie-backports
[ "${#versions[@]}" -gt 0 ] || { versions=(6.12 6.1 "$NEWEST"); default_set=1; }
mkdir -p "$cache/debs"

# apt options that point apt at the private list directory only.
private_apt="$root/.cache/apt"
private_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$private_apt/sources.list.d" -o "Dir::State::Lists=$private_apt/lists")
private_updated=0
private_update_once() {
	[ "$private_updated" = 1 ] && return 0
	mkdir -p "$private_apt/sources.list.d" "$private_apt/lists/partial"
	cat > "$private_apt/sources.list.d/newest.sources" <<-EOF
		Types: deb
		URIs: http://deb.debian.org/debian
		Suites: $NEWEST_SUITE
		Components: main
		Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
	EOF
	apt-get "${private_opts[@]}" update -qq >/dev/null || { echo "setup: error: apt-get update of $NEWEST_SUITE failed" >&2; exit 1; }
	private_updated=1
}

apt_updated=0
apt_update_once() {
	[ "$apt_updated" = 1 ] && return 0
	apt-get update -qq >/dev/null 2>&1 || echo "setup: warning: apt-get update failed" >&2
	apt_updated=1
}

need_tools=()
# mandoc renders the man pages `series` puts in the cover letter; groff
# lints them in the tests.
for tool in git xz tar perl make gcc mandoc groff; do
	command -v "$tool" >/dev/null 2>&1 || need_tools+=("$tool")
done
# GNU time, for the benchmark's peak RSS (`time` alone is the shell keyword).
[ -x /usr/bin/time ] || need_tools+=(time)
if [ "${#need_tools[@]}" -gt 0 ]; then
	apt_update_once
	map() { case "$1" in xz) echo xz-utils ;; *) echo "$1" ;; esac; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(for t in "${need_tools[@]}"; do map "$t"; done) >/dev/null
fi

fetch_tree() {
	local ver=$1 dir="$cache/linux-$ver"
	[ -f "$dir/.syswire-complete" ] && return 0
	local deb
	deb=$(ls "$cache"/debs/linux-source-"$ver"_*.deb 2>/dev/null | head -n1 || true)
	if [ -z "$deb" ]; then
		echo "setup: downloading linux-source-$ver" >&2
		if [ "$ver" = "$NEWEST" ]; then
			private_update_once
			(cd "$cache/debs" && apt-get "${private_opts[@]}" download -q "linux-source-$ver" >/dev/null 2>&1)
		else
			(cd "$cache/debs" && apt-get download -q "linux-source-$ver" >/dev/null 2>&1) ||
				{ apt_update_once; (cd "$cache/debs" && apt-get download -q "linux-source-$ver" >/dev/null); }
		fi
		deb=$(ls "$cache"/debs/linux-source-"$ver"_*.deb | head -n1)
	fi
	echo "setup: extracting $(basename "$deb")" >&2
	rm -rf "$dir" "$dir.tmp"
	mkdir -p "$dir.tmp"
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xO --wildcards "./usr/src/linux-source-$ver.tar.xz" |
		xz -dc -T2 | tar -x -C "$dir.tmp" --strip-components=1
	basename "$deb" > "$dir.tmp/.syswire-complete"
	mv "$dir.tmp" "$dir"
}

# linux-6.12-git: the unpacked 6.12 tree committed once, as the single
# commit of a fresh repository: what a maintainer's checkout looks like to
# syswire (a full index, git's own diff and format-patch).  Every file is
# added, ignored or not (-f): an upstream checkout tracks every file of the
# release tarball, and Debian's top-level .gitignore ends in `/*`, which
# would hide the whole tree.  Fixed author, committer and dates give the
# same commit id on every machine.
# The stamp is left out of the commit through .git/info/exclude.
#
# The files are hard links to linux-6.12's (cp -al): anything that writes a
# file of this tree in place writes the plain tree too.  Nothing may modify
# it; tests and the benchmark only read it and write to --out directories.
git_tree() {
	local src="$cache/linux-6.12" dir="$cache/linux-6.12-git"
	[ -f "$dir/.syswire-complete" ] && return 0
	echo "setup: committing linux-6.12 into $(basename "$dir")" >&2
	rm -rf "$dir" "$dir.tmp"
	cp -al "$src" "$dir.tmp"
	rm -f "$dir.tmp/.syswire-complete"
	(
		cd "$dir.tmp"
		unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY
		export GIT_AUTHOR_DATE='2024-11-17T00:00:00+0000' GIT_COMMITTER_DATE='2024-11-17T00:00:00+0000'
		git init -q
		echo /.syswire-complete >> .git/info/exclude
		git add -A -f
		git -c user.name=syswire -c user.email=syswire@localhost -c commit.gpgsign=false commit -q -m 'linux 6.12'
		git rev-parse HEAD > .syswire-complete
	)
	mv "$dir.tmp" "$dir"
}

for ver in "${versions[@]}"; do fetch_tree "$ver"; done
[ "$default_set" = 1 ] && git_tree

if [ "$slow" = 1 ]; then
	# Debian's gcc-multilib metapackage conflicts with every gcc-*-linux-gnu
	# cross compiler (installing one removes the others); the versioned
	# gcc-<N>-multilib it depends on gives -m32/-mx32 and coexists with them.
	gcc_major=$(gcc -dumpversion | cut -d. -f1)
	pkgs=("gcc-$gcc_major-multilib" bc flex bison rsync
		gcc-aarch64-linux-gnu gcc-s390x-linux-gnu gcc-m68k-linux-gnu
		gcc-mips-linux-gnu gcc-powerpc-linux-gnu gcc-sparc64-linux-gnu
		gcc-alpha-linux-gnu gcc-arm-linux-gnueabi gcc-riscv64-linux-gnu
		gcc-sh4-linux-gnu gcc-hppa-linux-gnu
		# syswire prove: QEMU, the x32 and armel C libraries for static
		# test programs, objtool's libelf, xz for the kernel image.
		qemu-system-x86 qemu-system-arm libc6-dev-x32 libc6-dev-armel-cross
		libelf-dev xz-utils
		# the posting checks: git send-email --dry-run (b4 is used as found).
		git-email b4)
	missing=()
	for p in "${pkgs[@]}"; do
		dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
	done
	if [ "${#missing[@]}" -gt 0 ]; then
		apt_update_once
		echo "setup: installing ${missing[*]}" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
fi
