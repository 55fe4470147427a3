#!/bin/sh
# Builds Tandem's container image without a Docker engine: buildah in chroot isolation (no daemon, no user
# namespaces), on a Java 17 base image made here from Debian with debootstrap, since the public container
# registries may be out of reach. Needs root, buildah and debootstrap (Debian packages), and the packaged app
# (target/quarkus-app: ./mvnw package). Run from the repository root:
#
#   src/main/docker/build-image.sh [image-tag]      (default localhost/tandem:0.1.0)
#
# The base (localhost/tandem-base:17-bookworm) is built once and kept in buildah's storage; BASE_REBUILD=1 builds
# it again (for Debian's security updates). DEBIAN_MIRROR names another Debian mirror.
set -eu
tag=${1:-localhost/tandem:0.1.0}
base=localhost/tandem-base:17-bookworm
work=target/image
b="buildah --storage-driver ${STORAGE_DRIVER:-vfs}"

if [ "${BASE_REBUILD:-0}" = 1 ] || ! $b inspect --type image "$base" >/dev/null 2>&1; then
    rm -rf "$work/rootfs"
    mkdir -p "$work"
    # minbase: dpkg, apt, a shell and coreutils; the JRE brings its libraries and the CA certificates.
    debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$work/rootfs" \
        "${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
    rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
    # /tmp is the one place the app writes (a volume in Kubernetes); close the other world-writable ones.
    chmod 0755 "$work/rootfs/var/tmp" "$work/rootfs/run/lock"
    tar -C "$work/rootfs" -cf "$work/base.tar" .
    printf 'FROM scratch\nADD base.tar /\nCMD ["/bin/sh"]\n' > "$work/Containerfile.base"
    $b bud --isolation chroot -f "$work/Containerfile.base" -t "$base" "$work"
    rm -rf "$work/rootfs" "$work/base.tar"
fi

$b bud --isolation chroot --build-arg "BASE_IMAGE=$base" -f src/main/docker/Dockerfile.jvm -t "$tag" .
echo "Built $tag on $base"
