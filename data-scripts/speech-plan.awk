# Plans the synthetic Speech Commands set from one seed: the speakers (speaker families, their
# engine and voice, their split) and every clip's random draws. All randomness of the generator is
# drawn here, in one process, so the parallel rendering that follows cannot change the result.
#
# Variables (awk -v): seed, takes, wordlist (space-separated), outdir (where speakers.tsv, clips.tsv
# and the custom espeak voices go), customs (number of custom espeak speaker families), noises
# (space-separated file names),
# A speaker family is one base voice: every clip of a family lands in one split.

function uniform(lo, hi) { return lo + (hi - lo) * rand() }
function pick(n) { return int(n * rand()) + 1 }

function add_speaker(group, family, speaker, engine, voice) {
    ns++
    sp_group[ns] = group; sp_family[ns] = family; sp_id[ns] = speaker
    sp_engine[ns] = engine; sp_voice[ns] = voice
    if (!(family in family_seen)) {
        family_seen[family] = 1
        nf[group]++
        fam[group, nf[group]] = family
    }
}

# A random speaker for espeak-ng: formant scaling, pitch, breathiness and roughness in the ranges of
# espeak's own m1-m8 / f1-f5 variants, pushed a little further; half of them female.
function custom_voice(name, female,    f, base, file, k, scale) {
    file = outdir "/voices/" name
    print "language variant" > file
    print "name " name > file
    print "gender " (female ? "female" : "male") > file
    base = female ? int(uniform(150, 230)) : int(uniform(70, 130))
    print "pitch " base " " int(base + uniform(30, 110)) > file
    scale = female ? uniform(104, 118) : uniform(88, 104)
    for (k = 0; k <= 8; k++) {
        f = (k <= 5) ? int(scale + uniform(-5, 5)) : 100
        print "formant " k " " f " " int(uniform(70, 130)) " " int(uniform(80, 150)) > file
    }
    if (rand() < 0.4) {
        printf "breath 0 %d %d %d %d %d %d %d\n", pick(5), pick(6), pick(6), pick(6), pick(6), pick(4), pick(4) > file
    }
    print "roughness " int(uniform(0, 5)) > file
    print "flutter " int(uniform(0, 20)) > file
    print "voicing " int(uniform(70, 160)) > file
    print "consonants " int(uniform(80, 150)) > file
    close(file)
}

BEGIN {
    srand(seed)
    FS = OFS = "\t"
    nwords = split(wordlist, words, " ")
    naccents = split("en-us en-gb en-gb-scotland en-gb-x-rp en-gb-x-gbclan en-gb-x-gbcwmd en-029 en-us-nyc", accents, " ")
    nnoise = split(noises, noise, " ")

    # the five recorded people behind Debian's diphone / HTS voices; kal and slt have two engines each
    add_speaker("recorded", "kal", "kal-flite8k", "flite", "kal")
    add_speaker("recorded", "kal", "kal-flite16k", "flite", "kal16")
    add_speaker("recorded", "awb", "awb-flite", "flite", "awb")
    add_speaker("recorded", "rms", "rms-flite", "flite", "rms")
    add_speaker("recorded", "slt", "slt-flite", "flite", "slt")
    if (festival) {
        add_speaker("recorded", "kal", "kal-festival", "festival", "kal_diphone")
        add_speaker("recorded", "ked", "ked-festival", "festival", "ked_diphone")
        add_speaker("recorded", "slt", "slt-festival", "festival", "cmu_us_slt_arctic_hts")
    }

    # espeak-ng's own variants, each heard in three of the eight English accents
    nstock = split("m1 m2 m3 m4 m5 m6 m7 m8 f1 f2 f3 f4 f5 klatt klatt2 klatt3 klatt4 default", stock, " ")
    for (i = 1; i <= nstock; i++) {
        used = ""
        for (j = 0; j < 3; j++) {
            do { a = accents[pick(naccents)] } while (index(used, "|" a "|"))
            used = used "|" a "|"
            v = stock[i] == "default" ? a : a "+" stock[i]
            add_speaker("espeak", "e" stock[i], "e" stock[i] "-" a, "espeak", v)
        }
    }

    # custom espeak speakers: mostly American accent (the best-understood one), each in two accents
    for (i = 1; i <= customs; i++) {
        name = sprintf("c%03d", i)
        custom_voice(name, i % 2 == 0)
        a1 = rand() < 0.6 ? "en-us" : accents[pick(naccents)]
        do { a2 = accents[pick(naccents)] } while (a2 == a1)
        add_speaker("custom", name, name "-" a1, "espeak", a1 "+" name)
        add_speaker("custom", name, name "-" a2, "espeak", a2 "+" name)
    }

    # split by family, stratified by group: about 10% validation, 10% test, the rest training
    ngroups = split("recorded espeak custom", groups, " ")
    for (k = 1; k <= ngroups; k++) {
        g = groups[k]; n = nf[g]
        for (i = n; i > 1; i--) { j = pick(i); t = fam[g, i]; fam[g, i] = fam[g, j]; fam[g, j] = t }
        held = int(n / 10 + 0.5); if (held < 1) held = 1
        for (i = 1; i <= n; i++) {
            split_of[fam[g, i]] = i <= held ? "validation" : (i <= 2 * held ? "testing" : "training")
        }
    }

    speakers = outdir "/speakers.tsv"
    print "speaker", "family", "group", "engine", "voice", "split" > speakers
    clips = outdir "/clips.tsv"
    for (s = 1; s <= ns; s++) {
        print sp_id[s], sp_family[s], sp_group[s], sp_engine[s], sp_voice[s], split_of[sp_family[s]] > speakers
        for (w = 1; w <= nwords; w++) {
            for (t = 0; t < takes; t++) {
                # speed and pitch jitter kept within what stays intelligible (speed 0.92-1.08, +-200 cents)
                printf "%s\t%s\t%d\t%s\t%s\t%.3f\t%d\t%.1f\t%.4f\t%s\t%.2f\t%.1f\n", \
                    words[w], sp_id[s], t, sp_engine[s], sp_voice[s], uniform(0.92, 1.08), int(uniform(-200, 200)), \
                    uniform(-10, -1), rand(), noise[pick(nnoise)], uniform(0, 55), uniform(-66, -42) > clips
            }
        }
    }
    close(speakers); close(clips)
}
