# The README and docs/ stay inside the repository and hold together: no link or path leaving it, no link to a missing file or heading, an index of every chapter.
# Checks README.md, CHANGELOG.md and every docs/**/*.md:
#   - text naming a place outside the repository: a `../` path that climbs
#     out of it, or the outside spec folder (`shared/spec`);
#   - a file name ending in .md that no file in the repository has and git
#     does not ignore as generated (a document that exists only elsewhere);
#   - a relative link (`[text](path)` or `[label]: path`) that leaves the
#     repository, is absolute, or points to a missing file or to a missing
#     heading (`#anchor`, GitHub's rules);
#   - a source path in a code span (`vm/gc.c`, `tests/run`, `vm/value.c:149`)
#     that does not exist: one under a folder of the repository, or any
#     path ending in a source extension (generated and ignored files, and
#     build/, are exempt; so is the changelog, whose history may name files
#     that have moved since).
# Also: docs/README.md, the index, links every chapter in docs/.
# Links to http(s) and mailto are not followed.
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
exec perl -e '
use strict; use warnings;
use Cwd qw(abs_path getcwd); use File::Basename qw(dirname basename); use File::Find;

my $root = getcwd();
my @docs = grep { -f } ("README.md", "CHANGELOG.md");
find({ no_chdir => 1, wanted => sub { push @docs, $_ if /\.md$/ && -f } }, "docs") if -d "docs";
my %basenames;
find({ no_chdir => 1, wanted => sub {
  if (-d && m{^\./(?:\.git|build)$}) { $File::Find::prune = 1; return }
  $basenames{basename($_)} = 1 if -f;
} }, ".");

my $bad = 0;
sub complain { my ($where, $what) = @_; print "$where: $what\n"; $bad++ }

my %anchor_cache;
sub anchors {                   # GitHub heading ids of a markdown file
  my ($file) = @_;
  return $anchor_cache{$file} if $anchor_cache{$file};
  my (%ids, %seen, $fence);
  open my $fh, "<", $file or return {};
  while (<$fh>) {
    if (/^\s*(```|~~~)/) { $fence = !$fence; next }
    next if $fence or !/^#{1,6}\s+(.*?)\s*#*\s*$/;
    my $id = lc $1;
    $id =~ s/\[([^\]]*)\]\([^)]*\)/$1/g;        # a link in a heading keeps its text
    $id =~ s/[^\w\x80-\xff\- ]//g;              # punctuation goes, letters and digits stay
    $id =~ s/ /-/g;
    my $n = $seen{$id}++;
    $ids{$n ? "$id-$n" : $id} = 1;
  }
  return $anchor_cache{$file} = \%ids;
}

sub ignored { system("git", "check-ignore", "-q", $_[0]) == 0 }   # a generated file

sub inside { my ($p) = @_; return $p eq $root || index($p, "$root/") == 0 }

sub climbs_out {                # does DIR/PATH, read without the file system, leave the repository?
  my ($dir, $path) = @_;
  my @parts;
  for (split m{/}, "$dir/$path") {
    next if $_ eq "" || $_ eq ".";
    if ($_ eq "..") { return 1 unless @parts; pop @parts } else { push @parts, $_ }
  }
  return 0;
}

sub check_link {
  my ($where, $dir, $file, $target) = @_;
  return if $target =~ m{^(?:https?:|mailto:)};
  my ($path, $frag) = $target =~ /^([^#]*)(?:#(.*))?$/;
  if ($path eq "") {
    complain($where, "link to a missing heading #$frag") unless anchors($file)->{$frag};
    return;
  }
  return complain($where, "absolute path in a link: $target") if $path =~ m{^/};
  my $full = abs_path("$dir/$path");
  return complain($where, "link leaves the repository: $target")
    if climbs_out($dir, $path) || (defined $full && !inside($full));
  return complain($where, "link to a missing file: $target") unless defined $full && -e $full;
  if (defined $frag && $frag ne "" && $full =~ /\.md$/ && !anchors($full)->{$frag}) {
    complain($where, "link to a missing heading: $target");
  }
}

for my $file (@docs) {
  open my $fh, "<", $file or die "$file: $!";
  my $dir = dirname($file);
  my $fence = 0;
  while (my $line = <$fh>) {
    my $where = "$file:$.";
    my %said;
    while ($line =~ m{(?<![\w.])((?:\.\./)+[\w.-][\w./-]*)}g) {
      complain($where, "path outside the repository: $1") if climbs_out($dir, $1) && !$said{$1}++;
    }
    complain($where, "path outside the repository: $1")
      while $line =~ m{(?<![\w./-])(shared/spec\b[\w./-]*)}g;
    while ($line =~ m{(?<![\w./-])((?:\.{1,2}/)?[\w./-]*\w\.md)\b}g) {
      my $name = $1;
      next if $said{$name}++;
      my $known = $name =~ m{/}
        ? (grep { my $p = abs_path($_); defined $p && inside($p) && (-e $p || ignored($p)) } "$dir/$name", $name)
        : $basenames{$name};
      complain($where, "names a document that is not in the repository: $name") unless $known;
    }
    while ($file ne "CHANGELOG.md" && $line =~ /`([A-Za-z0-9_][\w.-]*\/[\w.\/-]*[\w\/])(?::\d+)?`/g) {
      my ($path) = ($1);
      next if $path =~ m{^build/} || $path =~ /\.\./;
      my ($top) = $path =~ m{^([^/]+)/};
      next unless -d $top || $path =~ /\.(?:c|h|S|re|y|gs|lua|sh|md|mk)$/;
      next if -e $path || ignored($path) || $said{$path}++;
      complain($where, "names a source path that does not exist: $path");
    }
    if ($line =~ /^\s*(```|~~~)/) { $fence = !$fence; next }
    next if $fence;
    (my $text = $line) =~ s/`[^`]*`//g;          # code spans hold no links
    check_link($where, $dir, $file, $1) while $text =~ /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
    check_link($where, $dir, $file, $1) if $text =~ /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
  }
}
if (open my $fh, "<", "docs/README.md") {
  my %listed;
  while (<$fh>) { $listed{$1} = 1 while /\]\(([\w.\/-]+\.md)(?:#[^)]*)?\)/g }
  for (sort grep { m{^docs/[^/]+\.md$} && !m{/README\.md$} } @docs) {
    complain("docs/README.md", "the index does not list " . basename($_)) unless $listed{basename($_)};
  }
} else {
  complain("docs", "no index: docs/README.md is missing");
}
if ($bad) { print "$bad problem(s) in the README and docs/\n"; exit 1 }
print "ok: ", scalar(@docs), " documents, every link and path stays in the repository\n";
'
