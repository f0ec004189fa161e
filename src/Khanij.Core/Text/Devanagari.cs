using System.Text;

namespace Khanij.Core.Text;

/// <summary>Rule-based romanisation of Devanagari names for English text, without diacritics, the way Indian names are usually spelt in
/// English ("नरेंद्र" → "Narendra", "जयशंकर" → "Jayshankar"). The scheme (docs/registry.md, "Officials' names in Latin script"):
/// <list type="bullet">
/// <item>Consonants: क k, ख kh, ग g, घ gh, च ch, छ chh, ज j, झ jh, ट t, ठ th, ड d, ढ dh, ण n, त t, थ th, द d, ध dh, न n, प p, फ ph, ब b,
/// भ bh, म m, य y, र r, ल l, व v, श sh, ष sh, स s, ह h; with nukta क़ q, ख़ kh, ग़ gh, ज़ z, फ़ f, ड़ r, ढ़ rh.</item>
/// <item>Vowels and signs: अ a, आ/ा a, इ/ि i, ई/ी i, उ/ु u, ऊ/ू u, ए/े e, ऐ/ै ai, ओ/ो o, औ/ौ au, ऋ/ृ ri, ऑ/ॉ o, ऍ/ॅ e; anusvara ं n (m before
/// प फ ब भ म), chandrabindu ँ n, visarga ः h; virama ् removes the inherent vowel.</item>
/// <item>The inherent vowel "a" of a consonant is dropped (Hindi schwa deletion, applied from the end of the word): at the end of a word of
/// two or more syllables unless the consonant closes a cluster ("चंद्र" → "Chandra"); and inside a word when the syllable before it has a
/// vowel and no nasal after it, and the consonant after it is itself followed by a vowel, the first syllable excepted ("कमला" → "Kamla",
/// but "कंपनी" → "Kampani").</item>
/// <item>Every word starts with a capital letter; characters outside Devanagari (Latin, digits, punctuation) are kept as they are.</item>
/// </list>
/// Pure and thread-safe.</summary>
public static class Devanagari
{
    private static readonly Dictionary<char, string> Consonants = new()
    {
        ['क'] = "k", ['ख'] = "kh", ['ग'] = "g", ['घ'] = "gh", ['ङ'] = "n", ['च'] = "ch", ['छ'] = "chh", ['ज'] = "j", ['झ'] = "jh", ['ञ'] = "n",
        ['ट'] = "t", ['ठ'] = "th", ['ड'] = "d", ['ढ'] = "dh", ['ण'] = "n", ['त'] = "t", ['थ'] = "th", ['द'] = "d", ['ध'] = "dh", ['न'] = "n",
        ['प'] = "p", ['फ'] = "ph", ['ब'] = "b", ['भ'] = "bh", ['म'] = "m", ['य'] = "y", ['र'] = "r", ['ल'] = "l", ['ळ'] = "l", ['व'] = "v",
        ['श'] = "sh", ['ष'] = "sh", ['स'] = "s", ['ह'] = "h",
        // Precomposed nukta letters (U+0958–U+095F)
        ['\u0958'] = "q", ['\u0959'] = "kh", ['\u095A'] = "gh", ['\u095B'] = "z", ['\u095C'] = "r", ['\u095D'] = "rh", ['\u095E'] = "f", ['\u095F'] = "y",
    };

    private static readonly Dictionary<char, string> WithNukta = new()
    {
        ['क'] = "q", ['ख'] = "kh", ['ग'] = "gh", ['ज'] = "z", ['ड'] = "r", ['ढ'] = "rh", ['फ'] = "f",
    };

    private static readonly Dictionary<char, string> VowelSigns = new()
    {
        ['ा'] = "a", ['ि'] = "i", ['ी'] = "i", ['ु'] = "u", ['ू'] = "u", ['ृ'] = "ri", ['े'] = "e", ['ै'] = "ai", ['ो'] = "o", ['ौ'] = "au",
        ['ॉ'] = "o", ['ॅ'] = "e", ['ॆ'] = "e", ['ॊ'] = "o",
    };

    private static readonly Dictionary<char, string> Vowels = new()
    {
        ['अ'] = "a", ['आ'] = "a", ['इ'] = "i", ['ई'] = "i", ['उ'] = "u", ['ऊ'] = "u", ['ऋ'] = "ri", ['ए'] = "e", ['ऐ'] = "ai", ['ओ'] = "o",
        ['औ'] = "au", ['ऑ'] = "o", ['ऍ'] = "e",
    };

    private const char Virama = '्';
    private const char Nukta = '़';
    private const char Anusvara = 'ं';
    private const char Chandrabindu = 'ँ';
    private const char Visarga = 'ः';

    /// <summary>True when <paramref name="text"/> has any Devanagari letter.</summary>
    public static bool Has(string? text) => text is not null && text.Any(c => c is >= '\u0900' and <= '\u097F');

    /// <summary>The Latin spelling of <paramref name="text"/> by the scheme above; text without Devanagari comes back unchanged.</summary>
    public static string ToLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Has(text))
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 8);
        var i = 0;
        while (i < text.Length)
        {
            if (IsDevanagariLetter(text[i]))
            {
                var start = i;
                while (i < text.Length && (IsDevanagariLetter(text[i]) || IsSign(text[i])))
                {
                    i++;
                }
                result.Append(Capitalise(Word(text.AsSpan(start, i - start))));
            }
            else
            {
                result.Append(text[i] is '।' or '॥' ? '.' : text[i]);
                i++;
            }
        }
        return result.ToString();
    }

    /// <summary>One syllable: a consonant (or none, for an independent vowel), its vowel, and what follows the vowel (n, m, h).</summary>
    private sealed class Akshara
    {
        public string Consonant = "";
        public string? Vowel;        // null: the inherent "a", subject to deletion
        public bool Dead;            // virama: no vowel at all
        public bool Kept;            // the inherent vowel is pronounced (decided by the deletion rules)
        public bool ClosesCluster;   // the consonant before it had a virama
        public char Coda;            // anusvara, chandrabindu, visarga or '\0'
    }

    private static string Word(ReadOnlySpan<char> word)
    {
        var syllables = new List<Akshara>();
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (Consonants.TryGetValue(c, out var consonant))
            {
                if (i + 1 < word.Length && word[i + 1] == Nukta)
                {
                    consonant = WithNukta.GetValueOrDefault(c, consonant);
                    i++;
                }
                syllables.Add(new Akshara
                {
                    Consonant = consonant,
                    ClosesCluster = syllables.Count > 0 && syllables[^1].Dead,
                });
            }
            else if (Vowels.TryGetValue(c, out var vowel))
            {
                syllables.Add(new Akshara { Vowel = vowel });
            }
            else if (syllables.Count > 0 && VowelSigns.TryGetValue(c, out var sign))
            {
                syllables[^1].Vowel = sign;
            }
            else if (syllables.Count > 0 && c == Virama)
            {
                syllables[^1].Dead = true;
            }
            else if (syllables.Count > 0 && c is Anusvara or Chandrabindu or Visarga)
            {
                syllables[^1].Coda = c;
            }
        }
        DeleteSchwas(syllables);
        var sb = new StringBuilder();
        for (var k = 0; k < syllables.Count; k++)
        {
            var s = syllables[k];
            sb.Append(s.Consonant);
            if (!s.Dead)
            {
                sb.Append(s.Vowel ?? (s.Kept ? "a" : ""));
            }
            sb.Append(s.Coda switch
            {
                Anusvara => k + 1 < syllables.Count && syllables[k + 1].Consonant is "p" or "ph" or "b" or "bh" or "m" ? "m" : "n",
                Chandrabindu => "n",
                Visarga => "h",
                _ => "",
            });
        }
        return sb.ToString();
    }

    /// <summary>Decides, from the end of the word, which inherent vowels are pronounced.</summary>
    private static void DeleteSchwas(List<Akshara> s)
    {
        for (var k = s.Count - 1; k >= 0; k--)
        {
            var a = s[k];
            if (a.Vowel is not null || a.Dead)
            {
                continue;
            }
            if (k == 0 || a.Coda != '\0')
            {
                // The first syllable, and a nasalised or aspirated one, keep their vowel.
                a.Kept = true;
            }
            else if (k == s.Count - 1)
            {
                // Word-final: dropped, except after a cluster ("Chandra").
                a.Kept = a.ClosesCluster;
            }
            else
            {
                var before = s[k - 1];
                var after = s[k + 1];
                // A nasalised syllable before ("कंपनी" → "Kampani") would leave three consonants together: the vowel stays.
                var beforeHasVowel = !before.Dead && before.Coda == '\0';
                var afterHasVowel = !after.Dead && (after.Vowel is not null || after.Kept);
                a.Kept = a.ClosesCluster || !(beforeHasVowel && afterHasVowel && after.Consonant.Length > 0);
            }
        }
    }

    private static bool IsDevanagariLetter(char c) => Consonants.ContainsKey(c) || Vowels.ContainsKey(c);

    private static bool IsSign(char c) => VowelSigns.ContainsKey(c) || c is Virama or Nukta or Anusvara or Chandrabindu or Visarga;

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
